-- A sysdig chisel for RulesSysdigDifferentialTest: one instance per rule, each with its own filter
-- (chisel.set_filter), prints "ID EVTNUM" for every event the filter accepts. One sysdig run with
-- one instance per rule replaces one run per rule.
description = "prints ID EVTNUM for events matching the filter in the given file"
short_description = "rule match"
category = "misc"
args = {{name = "spec", description = "file: first line an id, the rest the filter", argtype = "string"}}
local id, flt, fnum
function on_set_arg(name, val)
  local f = assert(io.open(val, "r"))
  id = f:read("*l")
  flt = f:read("*a")
  f:close()
  return true
end
function on_init()
  chisel.set_filter(flt)
  fnum = chisel.request_field("evt.num")
  return true
end
function on_event()
  print(id .. " " .. evt.field(fnum))
  return true
end
