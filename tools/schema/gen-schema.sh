#!/usr/bin/env bash
# Regenerates Saker's event schema resources from a falcosecurity/libs source tree.
#   tools/schema/gen-schema.sh LIBS_TREE OUTPUT_FILE
# The schema files in analysis/src/main/resources/dev/saker/scap/ were produced this way from libs
# HEAD (48dfd53cd, events-current.txt) and from e5c53d64 (2022, the libs inside sysdig 0.29.3,
# events-2022.txt). Nothing of libs is kept; only the dumped facts are.
set -euo pipefail
libs=$(cd "$1" && pwd); out=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
{
  echo 'struct named { const char *name; const void *ptr; int n; };'
  flags=$(grep -ho '^const struct ppm_name_value [a-z0-9_]*\[' "$libs/driver/flags_table.c" | sed 's/.* \([a-z0-9_]*\)\[/\1/')
  dyns=$(grep -ho '^const struct ppm_param_info [a-z0-9_]*\[[A-Z_]*\]' "$libs/driver/dynamic_params_table.c" | sed 's/.* \([a-z0-9_]*\)\[\([A-Z_]*\)\]/\1:\2/')
  for f in $flags; do echo "extern const struct ppm_name_value $f[];"; done
  for d in $dyns; do echo "extern const struct ppm_param_info ${d%%:*}[];"; done
  echo 'static const struct named NAMED_FLAGS[] = {'
  for f in $flags; do echo "  {\"$f\", $f, 0},"; done
  echo '  {0, 0, 0}};'
  echo 'static const struct named NAMED_DYN[] = {'
  for d in $dyns; do echo "  {\"${d%%:*}\", ${d%%:*}, ${d##*:}},"; done
  echo '  {0, 0, 0}};'
  if [ -f "$libs/userspace/libscap/syscall_info_table.c" ]; then
    echo 'struct ppm_syscall_desc { enum ppm_event_category category; enum ppm_event_flags flags; char *name; };'
    echo 'extern const struct ppm_syscall_desc g_syscall_info_table[];'
    echo '#define SC_NAME(i) (g_syscall_info_table[i].name)'
  else
    echo '#include <ctype.h>'
    echo 'static const char *SC_NAMES[PPM_SC_MAX] = {'
    echo '#define PPM_SC_X(name, value) [value] = #name,'
    echo '  PPM_SC_FIELDS'
    echo '#undef PPM_SC_X'
    echo '};'
    echo 'static const char *SC_NAME(int i) { static char b[64]; if (!SC_NAMES[i]) return 0; int k = 0; for (; SC_NAMES[i][k] && k < 63; k++) b[k] = tolower(SC_NAMES[i][k]); b[k] = 0; return b; }'
  fi
} > "$work/tables.inc"
srcs="$libs/driver/event_table.c $libs/driver/flags_table.c $libs/driver/dynamic_params_table.c"
if [ -f "$libs/userspace/libscap/syscall_info_table.c" ]; then
  srcs="$srcs $libs/userspace/libscap/syscall_info_table.c"
fi
gcc -w -I"$work" -I"$libs/driver" -I"$libs/userspace/libscap" -I"$libs/userspace" -I"$libs" -o "$work/dump" "$here/dump-schema.c" $srcs
{
  echo "# Saker event schema, dumped from falcosecurity/libs by tools/schema/gen-schema.sh"
  echo "# event NUM DIR NAME CATEGORY FLAGS NPARAMS (PNAME:TYPE:FORMAT[:flags=T|:dyn=T|:dirfd=N])... (+ in PNAME is a space)"
  echo "# flags TABLE (NAME=VALUE)...   dyn TABLE COUNT (PNAME:TYPE:FORMAT)...   syscall ID NAME"
  "$work/dump"
} > "$out"
