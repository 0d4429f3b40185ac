//go:build ignore

// Command gen_world fetches the country outlines the map can draw: Natural
// Earth's 1:110m Admin 0 boundaries (public domain), as TopoJSON, from the
// npm package world-atlas (ISC). It runs `npm install` in build/ and copies
// countries-110m.json to geo/world.json; git ignores both, so the repository
// holds only code. Run it with `go generate ./internal/httpapi`, then build
// dyad: the file is embedded when present. The outlines are optional, so
// without npm it says so and succeeds, leaving the map without them.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// pkg is the npm package and version fetched.
const pkg = "world-atlas@2.0.2"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen_world:", err)
		os.Exit(1)
	}
}

func run() error {
	build, err := filepath.Abs("build")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(build, 0o755); err != nil {
		return err
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen_world: npm is not installed; the map will draw no country outlines")
		return nil
	}
	cmd := exec.Command(npm, "install", "--prefix", build, "--no-audit", "--no-fund", "--no-save", pkg)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm install %s: %w", pkg, err)
	}
	b, err := os.ReadFile(filepath.Join(build, "node_modules", "world-atlas", "countries-110m.json"))
	if err != nil {
		return err
	}
	// A sanity check before the file is embedded: a TopoJSON topology with
	// a countries object.
	var topo struct {
		Type    string `json:"type"`
		Objects struct {
			Countries json.RawMessage `json:"countries"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(b, &topo); err != nil || topo.Type != "Topology" || topo.Objects.Countries == nil {
		return fmt.Errorf("countries-110m.json is not the TopoJSON topology expected (%v)", err)
	}
	if err := os.WriteFile(filepath.Join("geo", "world.json"), b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen_world: wrote geo/world.json (%d bytes) from %s\n", len(b), pkg)
	return nil
}
