/* The state at capture start, from /proc and /etc: process list (PL_V9), open files (FDL_V2),
 * users and groups (UL_V2), network interfaces (IL_V2). */
#ifndef SAKER_PROC_SCAN_H
#define SAKER_PROC_SCAN_H
#include "cgroup_target.h"
#include "scap_out.h"

int write_interface_list(struct scap_out *o);
int write_user_list(struct scap_out *o);
/* Writes PL_V9 for every thread, then one FDL_V2 per process leader with its file and pipe fds; with
 * a target, only of the processes inside it. */
int write_process_list(struct scap_out *o, int self_pid, const struct cgroup_target *only);
#endif
