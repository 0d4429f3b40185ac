package parse

// The labeller chooses the relation of each arc the parser makes, when it
// makes it: the dependent is then complete (arc-hybrid pops a word only
// once it has all its dependents), so its dependents' labels and words
// ("of" as leftmost dependent suggests nmod) are known.

// Labeller feature templates.
const (
	lDwp = iota
	lDw
	lDp
	lHwp
	lHw
	lHp
	lHpDp
	lHwDp
	lHpDw
	lHwDw
	lDistHpDp
	lDpDlset
	lDpDrset
	lHpHlset
	lHpHrset
	lDpDlw
	lHpDlw
	lDlpDll
	lDrpDrl
	lDpDm1p
	lDpDp1p
	lHpHm1p
	lDpVal
	lHpDpDlp
	lDist
	lDwHpDlw
	lDpDrw
	lHpDpHlset
	lDpDl2w
	lHpDpDrp
	lHpDpPunct
	lHpDpVerb
	lDsufDp
	lHsufDp
	lHuDu
	lHuDuDist
	lDpEdge
	lHwDsuf
	nLabelTemplates
)

// labelFeatures appends the features of the arc h -> d in configuration st.
func labelFeatures(st *pstate, h, d int32, noneTag uint64, out []uint64) []uint64 {
	tok := func(i int32) (uint64, uint64) {
		if i < 0 || int(i) > st.n {
			return atomNone, noneTag
		}
		t := st.toks[i]
		return t.w, t.p
	}
	labOf := func(i int32) uint64 {
		if i < 0 {
			return 0xFFFF
		}
		return uint64(st.lab[i])
	}
	dir := uint64(1)
	dd := h - d
	if h < d {
		dir = 2
		dd = d - h
	}
	dw, dp := tok(d)
	hw, hp := tok(h)
	dl, dl2, dr := st.lc1[d], st.lc2[d], st.rc1[d]
	dlw, dlp := tok(dl)
	dl2w, _ := tok(dl2)
	drw, drp := tok(dr)
	_, dm1p := tok(d - 1)
	_, dp1p := tok(d + 1)
	_, hm1p := tok(h - 1)
	dist := dist(dd)
	lo, hi := min(h, d), max(h, d)
	pb := uint64(min(st.punct[hi]-st.punct[lo+1], 3))
	vb := uint64(0)
	if st.verb[lo+1] < hi {
		vb = 1
	}
	edge := uint64(0)
	if d == 0 {
		edge = 1
	}
	if int(d) == st.n-1 {
		edge |= 2
	}
	td, th := &st.toks[d], &st.toks[h]
	val := uint64(st.nl[d])<<8 | uint64(st.nr[d])
	return append(out,
		f3(lDwp, dir, dw, dp),
		f2(lDw, dir, dw),
		f2(lDp, dir, dp),
		f3(lHwp, dir, hw, hp),
		f2(lHw, dir, hw),
		f2(lHp, dir, hp),
		f3(lHpDp, dir, hp, dp),
		f3(lHwDp, dir, hw, dp),
		f3(lHpDw, dir, hp, dw),
		f3(lHwDw, dir, hw, dw),
		f4(lDistHpDp, dir, dist, hp, dp),
		f3(lDpDlset, dir, dp, st.lset[d]),
		f3(lDpDrset, dir, dp, st.rset[d]),
		f3(lHpHlset, dir, hp, st.lset[h]),
		f3(lHpHrset, dir, hp, st.rset[h]),
		f3(lDpDlw, dir, dp, dlw),
		f3(lHpDlw, dir, hp, dlw),
		f3(lDlpDll, dir, dlp, labOf(dl)),
		f3(lDrpDrl, dir, drp, labOf(dr)),
		f3(lDpDm1p, dir, dp, dm1p),
		f3(lDpDp1p, dir, dp, dp1p),
		f3(lHpHm1p, dir, hp, hm1p),
		f3(lDpVal, dir, dp, val),
		f4(lHpDpDlp, dir, hp, dp, dlp),
		f2(lDist, dir, dist),
		f4(lDwHpDlw, dir, dw, hp, dlw),
		f3(lDpDrw, dir, dp, drw),
		f4(lHpDpHlset, dir, hp, dp, st.lset[h]^(st.rset[h]*mulA)),
		f3(lDpDl2w, dir, dp, dl2w),
		f4(lHpDpDrp, dir, hp, dp, drp),
		f4(lHpDpPunct, dir, hp, dp, pb),
		f4(lHpDpVerb, dir, hp, dp, vb),
		f3(lDsufDp, dir, td.s, dp),
		f3(lHsufDp, dir, th.s, dp),
		f3(lHuDu, dir, th.u, td.u),
		f4(lHuDuDist, dir, th.u, td.u, dist),
		f3(lDpEdge, dir, dp, edge),
		f3(lHwDsuf, dir, hw, td.s),
	)
}
