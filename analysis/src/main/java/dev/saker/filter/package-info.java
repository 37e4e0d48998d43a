/**
 * The condition language of Falco rules and sysdig filters, as current falcosecurity/libs
 * implements it: a chain of small named stages, each with a debug dump.
 *
 * <ol>
 *   <li><b>parse</b> ({@link dev.saker.filter.Condition#parse}): text to an {@link dev.saker.filter.Expr}
 *       tree, every node with its {@link dev.saker.filter.Span}; the grammar is in
 *       {@code ConditionParser}'s Javadoc. Result: {@link dev.saker.filter.ParseResult}, VALID,
 *       INCOMPLETE or INVALID, problems as {@link dev.saker.filter.FilterProblem} values. Dump:
 *       {@code expr.toString()}, an s-expression.</li>
 *   <li><b>expand</b> (in dev.saker.rules): macros and lists substituted on the tree with an
 *       {@link dev.saker.filter.ExprRewriter}; macro references are {@link dev.saker.filter.Expr.Identifier}
 *       nodes, list references unquoted {@link dev.saker.filter.Operand.Value}s that
 *       {@link dev.saker.filter.Operand.Value#isIdentifier() look like identifiers}.</li>
 *   <li><b>check and compile</b> ({@link dev.saker.filter.FilterCompiler#compile}): fields resolved
 *       against a {@link dev.saker.fields.FieldRegistry}, operators and values checked against field
 *       types, and the tree turned into a {@link dev.saker.filter.Filter}. Dump: {@code filter.toString()}.</li>
 *   <li><b>explain</b> ({@link dev.saker.filter.ConditionExplainer}): for one event, every node's
 *       value (true, false, or missing field) and the field values each check read.</li>
 * </ol>
 *
 * Field-name resolution stays out of the parser: a tree names fields as text, so the same tree can
 * be compiled against registries with different fields.
 */
package dev.saker.filter;
