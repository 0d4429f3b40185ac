package score

// FormatRatioForTest returns, as Python's repr, round3 of the precision n/d,
// of the F1 of that precision with an equal recall, and of half of n/d.
func FormatRatioForTest(n, d int) string {
	c := counts(n, d-n, d-n)
	return reprFloat(c.Precision) + " " + reprFloat(c.F1) + " " + reprFloat(round3(float64(n)/float64(d)*0.5))
}
