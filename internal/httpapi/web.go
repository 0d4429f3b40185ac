package httpapi

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// The country outlines of the map are optional: `go generate` fetches them
// (Natural Earth, public domain, from the npm package world-atlas) into
// geo/world.json, which git ignores; geo/.keep makes the directory exist
// without them, and the map draws only its graticule and points then.
//
//go:generate go run gen_world.go

//go:embed web
var webFS embed.FS

//go:embed all:geo
var geoFS embed.FS

// asset is one embedded file, ready to serve.
type asset struct {
	body  []byte
	ctype string
	etag  string
}

// assets are the web UI's files by URL path.
type assets struct {
	files    map[string]asset
	hasWorld bool
}

// contentTypes are the types of the files the UI is made of.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
	".json": "application/json",
}

// worldPath is where the country outlines are served when embedded.
const worldPath = "/geo/world.json"

// loadAssets indexes the embedded files: web/x is served as /x,
// web/index.html also as /, and geo/world.json, when present, as itself.
func loadAssets() (*assets, error) {
	a := &assets{files: map[string]asset{}}
	add := func(fsys fs.FS, name, urlPath string) error {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ctype := contentTypes[path.Ext(name)]
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.files[urlPath] = asset{body: b, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		return nil
	}
	err := fs.WalkDir(webFS, "web", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return add(webFS, name, strings.TrimPrefix(name, "web"))
	})
	if err != nil {
		return nil, err
	}
	if err := add(webFS, "web/index.html", "/"); err != nil {
		return nil, err
	}
	if _, err := fs.Stat(geoFS, "geo/world.json"); err == nil {
		if err := add(geoFS, "geo/world.json", worldPath); err != nil {
			return nil, err
		}
		a.hasWorld = true
	}
	return a, nil
}

// serve answers GET for the UI's files. The files change only with the
// binary, so a client revalidates with its ETag and gets 304.
func (a *assets) serve(w http.ResponseWriter, r *http.Request) error {
	f, ok := a.files[r.URL.Path]
	if !ok {
		if r.URL.Path == worldPath {
			return Errorf(ECodeNotFound, "the map's country outlines are not built into this binary (go generate ./internal/httpapi)")
		}
		return Errorf(ECodeNotFound, "no such file: %s", r.URL.Path)
	}
	h := w.Header()
	h.Set("ETag", f.etag)
	h.Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", f.ctype)
	w.Write(f.body)
	return nil
}

// etagMatches reports whether an If-None-Match header names etag.
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
