#include "proc_scan.h"

#include <dirent.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PATH 1024
#define MAX_ARGS 4096

/* Reads a whole small /proc file; returns its length (0 when unreadable). */
static size_t slurp(const char *path, char *buf, size_t cap)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, cap - 1, f);
	fclose(f);
	buf[n] = 0;
	return n;
}

static size_t link_of(const char *path, char *buf, size_t cap)
{
	ssize_t n = readlink(path, buf, cap - 1);
	if (n < 0)
		n = 0;
	buf[n] = 0;
	return (size_t)n;
}

/* IL_V2: every IPv4 interface address, then every IPv6 one. Each entry's length leaves out its own
 * four bytes (unlike the other lists). */
int write_interface_list(struct scap_out *o)
{
	struct ifaddrs *ifs = NULL;
	if (getifaddrs(&ifs) != 0)
		return 0; /* no interfaces known: the block is optional */
	struct block b = {0};
	block_begin(&b, SCAP_BLOCK_IL_V2);
	for (int family = AF_INET; family <= AF_INET6; family += AF_INET6 - AF_INET) {
		for (struct ifaddrs *i = ifs; i; i = i->ifa_next) {
			if (!i->ifa_addr || i->ifa_addr->sa_family != family)
				continue;
			size_t namelen = strnlen(i->ifa_name, 255);
			size_t start = b.len;
			block_u32(&b, 0);
			if (family == AF_INET) {
				uint32_t zero = 0;
				block_u16(&b, 1);
				block_u16(&b, (uint16_t)namelen);
				block_bytes(&b, &((struct sockaddr_in *)i->ifa_addr)->sin_addr, 4);
				block_bytes(&b, i->ifa_netmask ? (void *)&((struct sockaddr_in *)i->ifa_netmask)->sin_addr : (void *)&zero, 4);
				block_bytes(&b, i->ifa_broadaddr ? (void *)&((struct sockaddr_in *)i->ifa_broadaddr)->sin_addr : (void *)&zero, 4);
			} else {
				static const uint8_t zero[16];
				block_u16(&b, 2);
				block_u16(&b, (uint16_t)namelen);
				block_bytes(&b, &((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr, 16);
				block_bytes(&b, i->ifa_netmask ? (void *)&((struct sockaddr_in6 *)i->ifa_netmask)->sin6_addr : (void *)zero, 16);
				block_bytes(&b, zero, 16);
			}
			block_u64(&b, 0); /* link speed: unknown */
			block_bytes(&b, i->ifa_name, namelen);
			block_put_u32(&b, start, (uint32_t)(b.len - start - 4));
		}
	}
	freeifaddrs(ifs);
	int rc = block_write(o, &b);
	block_free(&b);
	return rc;
}

int write_user_list(struct scap_out *o)
{
	struct block b = {0};
	block_begin(&b, SCAP_BLOCK_UL_V2);
	struct passwd *pw;
	setpwent();
	while ((pw = getpwent()) != NULL) {
		size_t start = b.len;
		block_u32(&b, 0);
		block_u8(&b, 0);
		block_u32(&b, pw->pw_uid);
		block_u32(&b, pw->pw_gid);
		block_str(&b, pw->pw_name, strlen(pw->pw_name), 255);
		block_str(&b, pw->pw_dir, strlen(pw->pw_dir), 255);
		block_str(&b, pw->pw_shell, strlen(pw->pw_shell), 255);
		block_put_u32(&b, start, (uint32_t)(b.len - start));
	}
	endpwent();
	struct group *gr;
	setgrent();
	while ((gr = getgrent()) != NULL) {
		size_t start = b.len;
		block_u32(&b, 0);
		block_u8(&b, 1);
		block_u32(&b, gr->gr_gid);
		block_str(&b, gr->gr_name, strlen(gr->gr_name), 255);
		block_put_u32(&b, start, (uint32_t)(b.len - start));
	}
	endgrent();
	int rc = block_write(o, &b);
	block_free(&b);
	return rc;
}

struct status_info {
	long long ppid, uid, gid, vmsize, vmrss, vmswap, nstgid, nspid;
	unsigned long long capinh, capprm, capeff;
};

static void parse_status(const char *dir, struct status_info *s)
{
	char path[PATH_MAX], buf[8192];
	memset(s, 0, sizeof(*s));
	snprintf(path, sizeof(path), "%s/status", dir);
	if (!slurp(path, buf, sizeof(buf)))
		return;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		char *last = strrchr(line, '\t');
		sscanf(line, "PPid: %lld", &s->ppid);
		sscanf(line, "Uid: %*d %lld", &s->uid);
		sscanf(line, "Gid: %*d %lld", &s->gid);
		sscanf(line, "VmSize: %lld", &s->vmsize);
		sscanf(line, "VmRSS: %lld", &s->vmrss);
		sscanf(line, "VmSwap: %lld", &s->vmswap);
		sscanf(line, "CapInh: %llx", &s->capinh);
		sscanf(line, "CapPrm: %llx", &s->capprm);
		sscanf(line, "CapEff: %llx", &s->capeff);
		/* the innermost namespace's numbers are the last column */
		if (strncmp(line, "NStgid:", 7) == 0 && last)
			s->nstgid = atoll(last + 1);
		if (strncmp(line, "NSpid:", 6) == 0 && last)
			s->nspid = atoll(last + 1);
	}
}

struct stat_info {
	long long pgrp, session, tty, minflt, majflt;
};

static void parse_stat(const char *dir, struct stat_info *s)
{
	char path[PATH_MAX], buf[2048];
	memset(s, 0, sizeof(*s));
	snprintf(path, sizeof(path), "%s/stat", dir);
	if (!slurp(path, buf, sizeof(buf)))
		return;
	char *p = strrchr(buf, ')'); /* comm may hold spaces and parentheses */
	if (!p)
		return;
	sscanf(p + 2, "%*c %*d %lld %lld %lld %*d %*u %lld %*u %lld", &s->pgrp, &s->session, &s->tty,
	       &s->minflt, &s->majflt);
}

static unsigned long long fd_limit(const char *dir)
{
	char path[PATH_MAX], buf[4096];
	snprintf(path, sizeof(path), "%s/limits", dir);
	if (!slurp(path, buf, sizeof(buf)))
		return 0;
	char *l = strstr(buf, "Max open files");
	unsigned long long v = 0;
	if (l)
		sscanf(l + strlen("Max open files"), "%llu", &v);
	return v;
}

/* cgroup v2 "0::/path" as libscap reports it; v1 lines "N:subsys,...:/path" as subsys=path. */
static size_t cgroups_of(const char *dir, char *out, size_t cap)
{
	char path[PATH_MAX], buf[4096];
	snprintf(path, sizeof(path), "%s/cgroup", dir);
	size_t n = 0;
	if (!slurp(path, buf, sizeof(buf)))
		return 0;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		char *c1 = strchr(line, ':');
		char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c2)
			continue;
		*c2 = 0;
		const char *subsys = c1 + 1;
		const char *names[] = { "cpuset", "cpu", "cpuacct", "io", "memory", "devices", "freezer", "net_cls",
			                "perf_event", "net_prio", "hugetlb", "pids", "rdma", "misc" };
		if (*subsys == 0) {
			for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
				int w = snprintf(out + n, cap - n, "%s=%s", names[i], c2 + 1);
				if (w < 0 || (size_t)w + 1 >= cap - n)
					return n;
				n += (size_t)w + 1;
			}
		} else {
			int w = snprintf(out + n, cap - n, "%s=%s", subsys, c2 + 1);
			if (w < 0 || (size_t)w + 1 >= cap - n)
				return n;
			n += (size_t)w + 1;
		}
	}
	return n;
}

static void write_entry(struct block *b, const char *dir, long tid, long pid)
{
	static char cmd[MAX_ARGS + 1], env[MAX_ARGS + 1], cg[MAX_ARGS + 1];
	char path[PATH_MAX], comm[64], exepath[MAX_PATH], cwd[MAX_PATH], root[MAX_PATH], tmp[64];
	struct status_info st;
	struct stat_info sa;
	parse_status(dir, &st);
	parse_stat(dir, &sa);

	snprintf(path, sizeof(path), "%s/comm", dir);
	size_t comm_len = slurp(path, comm, sizeof(comm));
	if (comm_len && comm[comm_len - 1] == '\n')
		comm[--comm_len] = 0;
	snprintf(path, sizeof(path), "%s/cmdline", dir);
	size_t cmd_len = slurp(path, cmd, sizeof(cmd));
	size_t exe_len = strnlen(cmd, cmd_len);
	size_t args_off = exe_len < cmd_len ? exe_len + 1 : cmd_len;
	snprintf(path, sizeof(path), "%s/environ", dir);
	size_t env_len = slurp(path, env, sizeof(env));
	snprintf(path, sizeof(path), "%s/exe", dir);
	size_t exepath_len = link_of(path, exepath, sizeof(exepath));
	struct stat exe_st = {0};
	if (exepath_len)
		stat(path, &exe_st);
	snprintf(path, sizeof(path), "%s/cwd", dir);
	size_t cwd_len = link_of(path, cwd, sizeof(cwd));
	snprintf(path, sizeof(path), "%s/root", dir);
	size_t root_len = link_of(path, root, sizeof(root));
	size_t cg_len = cgroups_of(dir, cg, sizeof(cg));
	unsigned int loginuid = UINT32_MAX;
	snprintf(path, sizeof(path), "%s/loginuid", dir);
	if (slurp(path, tmp, sizeof(tmp)))
		loginuid = (unsigned int)strtoul(tmp, NULL, 10);

	size_t start = b->len;
	block_u32(b, 0);
	block_u64(b, (uint64_t)tid);
	block_u64(b, (uint64_t)pid);
	block_u64(b, (uint64_t)st.ppid);
	block_u64(b, (uint64_t)sa.session);
	block_u64(b, (uint64_t)sa.pgrp);
	block_str(b, comm, comm_len, MAX_PATH);
	block_str(b, cmd, exe_len, MAX_PATH);
	block_str(b, exepath, exepath_len, MAX_PATH);
	block_str(b, cmd + args_off, cmd_len - args_off, MAX_ARGS);
	block_str(b, cwd, cwd_len, MAX_PATH);
	block_u64(b, fd_limit(dir));
	block_u32(b, tid == pid ? 0 : 0x2000); /* PPM_CL_CLONE_THREAD for non-leader threads */
	block_u32(b, (uint32_t)st.uid);
	block_u32(b, (uint32_t)st.gid);
	block_u32(b, (uint32_t)st.vmsize);
	block_u32(b, (uint32_t)st.vmrss);
	block_u32(b, (uint32_t)st.vmswap);
	block_u64(b, (uint64_t)sa.majflt);
	block_u64(b, (uint64_t)sa.minflt);
	block_str(b, env, env_len, MAX_ARGS);
	block_u64(b, (uint64_t)(st.nspid ? st.nspid : tid));
	block_u64(b, (uint64_t)(st.nstgid ? st.nstgid : pid));
	block_str(b, cg, cg_len, MAX_ARGS);
	block_str(b, root, root_len, MAX_PATH);
	/* the tail in current libscap's order (after libs 0.10) */
	block_u64(b, 0);                 /* pidns_init_start_ts */
	block_u32(b, (uint32_t)sa.tty);
	block_u32(b, loginuid);
	block_u8(b, 0);                  /* exe_writable */
	block_u64(b, st.capinh);
	block_u64(b, st.capprm);
	block_u64(b, st.capeff);
	block_u8(b, 0);                  /* exe_upper_layer */
	block_u64(b, (uint64_t)exe_st.st_ino);
	block_u64(b, (uint64_t)exe_st.st_ctim.tv_sec * 1000000000ULL + (uint64_t)exe_st.st_ctim.tv_nsec);
	block_u64(b, (uint64_t)exe_st.st_mtim.tv_sec * 1000000000ULL + (uint64_t)exe_st.st_mtim.tv_nsec);
	block_u8(b, 0);                  /* exe_from_memfd */
	block_u8(b, 0);                  /* exe_lower_layer */
	block_u64(b, (uint64_t)sa.pgrp); /* pgid */
	block_put_u32(b, start, (uint32_t)(b->len - start));
}

static int numeric(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* The fds libsinsp needs names for: regular files and directories (FILE_V2) and pipes (FIFO). */
static int write_fd_list(struct scap_out *o, long pid)
{
	char dir[64], path[PATH_MAX], target[MAX_PATH];
	snprintf(dir, sizeof(dir), "/proc/%ld/fd", pid);
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct block b = {0};
	block_begin(&b, SCAP_BLOCK_FDL_V2);
	block_u64(&b, (uint64_t)pid);
	int entries = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (!numeric(de->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		size_t n = link_of(path, target, sizeof(target));
		struct stat st;
		if (!n || stat(path, &st) != 0)
			continue;
		size_t start = b.len;
		if (target[0] == '/') {
			block_u32(&b, 0);
			block_u64(&b, (uint64_t)atoll(de->d_name));
			block_u64(&b, (uint64_t)st.st_ino);
			block_u8(&b, 16); /* SCAP_FD_FILE_V2 */
			block_u32(&b, 0); /* open flags: unknown here */
			block_str(&b, target, n, MAX_PATH);
		} else if (strncmp(target, "pipe:", 5) == 0) {
			block_u32(&b, 0);
			block_u64(&b, (uint64_t)atoll(de->d_name));
			block_u64(&b, (uint64_t)st.st_ino);
			block_u8(&b, 7); /* SCAP_FD_FIFO */
			block_str(&b, "", 0, MAX_PATH);
		} else {
			continue;
		}
		block_put_u32(&b, start, (uint32_t)(b.len - start));
		entries++;
	}
	closedir(d);
	int rc = entries ? block_write(o, &b) : 0;
	block_free(&b);
	return rc;
}

int write_process_list(struct scap_out *o, int self_pid, const struct cgroup_target *only)
{
	struct block b = {0};
	block_begin(&b, SCAP_BLOCK_PL_V9);
	DIR *proc = opendir("/proc");
	if (!proc)
		return -1;
	long *leaders = NULL;
	size_t nleaders = 0, capl = 0;
	struct dirent *pe;
	while ((pe = readdir(proc)) != NULL) {
		if (!numeric(pe->d_name))
			continue;
		long pid = atol(pe->d_name);
		/* a filtered capture holds nothing of the processes outside: not even their command lines */
		if (only && !cgroup_target_holds_pid(only, pid))
			continue;
		char tdir[64];
		snprintf(tdir, sizeof(tdir), "/proc/%ld/task", pid);
		DIR *tasks = opendir(tdir);
		if (!tasks)
			continue;
		struct dirent *te;
		while ((te = readdir(tasks)) != NULL) {
			if (!numeric(te->d_name))
				continue;
			char dir[320];
			snprintf(dir, sizeof(dir), "/proc/%ld/task/%s", pid, te->d_name);
			write_entry(&b, dir, atol(te->d_name), pid);
		}
		closedir(tasks);
		if (pid != self_pid) {
			if (nleaders == capl) {
				capl = capl ? capl * 2 : 256;
				long *nl = realloc(leaders, capl * sizeof(long));
				if (!nl)
					break;
				leaders = nl;
			}
			leaders[nleaders++] = pid;
		}
	}
	closedir(proc);
	int rc = block_write(o, &b);
	block_free(&b);
	for (size_t i = 0; rc == 0 && i < nleaders; i++)
		rc = write_fd_list(o, leaders[i]);
	free(leaders);
	return rc;
}
