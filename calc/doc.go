// Package calc is sibase's calculation core: the rule model for Chinese
// social-insurance contribution bases and every computation over it, exact
// and explained.
//
// The model follows the two founding notices:
//
//   - 庆社险函〔2011〕3号 (大庆): a unit base and an individual base per worker
//     ("dual base, single rate"); the unit base is the larger of the
//     enterprise's previous-year average monthly total wages and the sum of
//     its workers' bases; a worker's base is the worker's own previous-year
//     average monthly wage, held between 60% and 300% of the provincial
//     average; year rules for corrections, carry-over and settlement.
//   - 辽社险函〔2006〕89号 (辽宁): the same limits against the city's average,
//     a rising minimum for flexible workers (60% in 2006 to 100% in 2010),
//     institutions, and the medical, work-injury and maternity bases.
//
// Policy numbers never appear in this package's code: they are data in a
// [RuleSet] (see package sibase/calc/rules for the bundled ones), every value
// dated and cited. Money is [decimal.Decimal] throughout; rounding happens
// only where a [Rounding] from the rule set is applied, and each place that
// rounds says so in its doc comment.
//
// Every result carries the [Step]s that produced it, each with the clause it
// applies, and any [Warning]s; every error a person can cause is an [*Error]
// naming the field, in Chinese and English.
package calc
