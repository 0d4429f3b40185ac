package story

// dedup computes the article's signature, finds the earliest article it
// copies, links it (relinking the copies when the new article is the
// earliest) and indexes the signature. It returns the earliest copy as it
// was before the article arrived, whose story the article joins, or -1 when
// the article copies nothing.
func (x *Index) dedup(id int32, body string, res *AddResult) int32 {
	sig := x.sigBuf
	if x.mh.signature(body, sig, x.minBuf) < x.cfg.MinShingles {
		return -1
	}
	h := x.cfg.Hashes
	root := int32(-1)
	x.lsh.candidates(sig, x.cfg.MaxDupCandidates, func(sn int32) {
		if jaccard(sig, x.sigs[int(sn)*h:int(sn+1)*h]) < x.cfg.DupThreshold {
			return
		}
		r := x.owner[sn]
		if x.arts[r].dupOf >= 0 {
			r = x.arts[r].dupOf
		}
		if root < 0 || x.earlier(r, root) {
			root = r
		}
	})
	sn := int32(len(x.owner))
	x.sigs = append(x.sigs, sig...)
	x.owner = append(x.owner, id)
	x.lsh.insert(sn, sig)
	art := &x.arts[id]
	art.sig = sn
	if root < 0 {
		return -1
	}
	// The article is a copy: its copies were counted when the first of
	// them arrived.
	art.copy = true
	if !x.earlier(id, root) {
		art.dupOf = root
		art.sim = float32(x.similarity(id, root))
		x.copies[root] = append(x.copies[root], id)
		return root
	}
	// The new article is the earliest published: every copy now links to it.
	moved := append([]int32{root}, x.copies[root]...)
	delete(x.copies, root)
	for _, c := range moved {
		x.arts[c].dupOf = id
		x.arts[c].sim = float32(x.similarity(c, id))
		res.Relinked = append(res.Relinked, x.articleState(c))
	}
	x.copies[id] = moved
	return root
}

// similarity estimates the Jaccard similarity of two articles' bodies.
func (x *Index) similarity(i, j int32) float64 {
	si, sj := x.arts[i].sig, x.arts[j].sig
	if si < 0 || sj < 0 {
		return 0
	}
	h := x.cfg.Hashes
	return jaccard(x.sigs[int(si)*h:int(si+1)*h], x.sigs[int(sj)*h:int(sj+1)*h])
}
