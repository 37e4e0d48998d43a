package dev.saker.rules;

import static dev.saker.rules.LoadCode.LOAD_ERR_VALIDATE;
import static dev.saker.rules.RuleLoadException.check;

import java.util.List;
import java.util.Set;

/**
 * Turns a rule's exceptions into condition text exactly as Falco's build_rule_exception_infos
 * does, by string concatenation before parsing: {@code (cond) and not (...) and not (...)}.
 */
final class ExceptionConditions {
    private ExceptionConditions() {
    }

    static String build(String condition, List<ExceptionInfo> exceptions, Set<String> fieldsOut)
            throws RuleLoadException {
        StringBuilder cond = new StringBuilder("(").append(condition).append(')');
        for (ExceptionInfo ex : exceptions) {
            String icond;
            if (!ex.fields.isList) {
                StringBuilder b = new StringBuilder();
                for (ExceptionInfo.Entry val : ex.values) {
                    check(val.isList, LOAD_ERR_VALIDATE, "Expected values array to contain a list of strings", ex.ctx);
                    b.append(b.length() == 0 ? "(" + ex.fields.item + " " + ex.comps.item + " (" : ", ");
                    fieldsOut.add(ex.fields.item);
                    b.append(ListSubstitution.quote(val.item));
                }
                if (b.length() > 0) {
                    b.append("))");
                }
                icond = b.toString();
            } else {
                StringBuilder b = new StringBuilder("(");
                for (ExceptionInfo.Entry values : ex.values) {
                    check(ex.fields.items.size() != values.items.size(), LOAD_ERR_VALIDATE,
                            "Fields and values lists must have equal length", ex.ctx);
                    b.append(b.length() == 1 ? "" : " or ").append('(');
                    for (int k = 0; k < ex.fields.items.size(); k++) {
                        String field = ex.fields.items.get(k).item;
                        String comp = ex.comps.items.get(k).item;
                        ExceptionInfo.Entry v = values.items.get(k);
                        String istr;
                        if (v.isList) {
                            StringBuilder l = new StringBuilder("(");
                            for (ExceptionInfo.Entry e : v.items) {
                                l.append(l.length() == 1 ? "" : ", ").append(ListSubstitution.quote(e.item));
                            }
                            istr = l.append(')').toString();
                        } else if (Operators.takesList(comp)) {
                            // A scalar for a list operator is a list name: "(apt_files)" expands later.
                            istr = v.item.startsWith("(") ? v.item : "(" + v.item + ")";
                        } else {
                            istr = ListSubstitution.quote(v.item);
                        }
                        b.append(k == 0 ? "" : " and ").append(' ').append(field).append(' ').append(comp).append(' ')
                                .append(istr);
                        fieldsOut.add(field);
                    }
                    b.append(')');
                }
                b.append(')');
                icond = b.toString().equals("()") ? "" : b.toString();
            }
            if (!icond.isEmpty()) {
                cond.append(" and not ").append(icond);
            }
        }
        return cond.toString();
    }
}
