package gazgen_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/testutil"
	"github.com/dyad-project/dyad/internal/where/gazgen"
)

// TestBuildDeterministic builds the gazetteer twice from the GeoNames files
// in ../shared into two folders and checks that the bytes are identical,
// and identical to the embedded file (so that the embedded file is what
// `go generate ./internal/where` makes).
func TestBuildDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: builds the whole gazetteer twice")
	}
	src := filepath.Dir(testutil.Shared(t, "reference/geonames/cities15000.txt"))
	var outs [][]byte
	for _, dir := range []string{"a", "b"} {
		out := filepath.Join(t.TempDir(), dir)
		sum, err := gazgen.Write(src, out)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out, gazgen.FileName))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Bytes != len(b) || sum.Countries < 240 || sum.Places < 50000 {
			t.Errorf("summary %+v for %d bytes", sum, len(b))
		}
		t.Logf("%+v", sum)
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("two builds differ (%d and %d bytes)", len(outs[0]), len(outs[1]))
	}
	embedded, err := fs.ReadFile(data.Gazetteer, "gazetteer/"+gazgen.FileName)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(outs[0], embedded) {
		t.Errorf("the embedded gazetteer (%d bytes) is not what the generator makes (%d bytes): run go generate ./internal/where",
			len(embedded), len(outs[0]))
	}
}

// writeSample writes a tiny GeoNames export in the upstream formats (CRLF in
// countryInfo.txt) and returns its folder.
func writeSample(t testing.TB, cities string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"countryInfo.txt": "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode\r\n" +
			"SY\tSYR\t760\tSY\tSyria\tDamascus\t185180\t16906283\tAS\t.sy\tSYP\tPound\t963\t\t\tar-SY,ku,hy,arc,fr,en\t163843\tIQ,JO,IL,TR,LB\t\r\n" +
			"AT\tAUT\t040\tAU\tAustria\tVienna\t83858\t8847037\tEU\t.at\tEUR\tEuro\t43\t####\t^(\\d{4})$\tde-AT,hr,hu,sl\t2782113\tCH,DE,HU,SK,CZ,IT,SI,LI\t\r\n",
		"admin1CodesASCII.txt": "SY.09\tAleppo\tAleppo\t170062\nSY.13\tDamascus Governorate\tDamascus Governorate\t167541\nSY.04\tRaqqa\tRaqqa\t172957\n",
		"cities15000.txt":      cities,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const sampleCities = "170654\tDamascus\tDamascus\tDAM,Damas,Damasco,Damaskus,Dimashq,Şam,دمشق\t33.5102\t36.29128\tP\tPPLC\tSY\t\t13\t\t\t\t1569394\t\t695\tAsia/Damascus\t2024-01-01\n" +
	"170063\tAleppo\tAleppo\tALP,Alep,Halab,Ḩalab,حلب\t36.20124\t37.16117\tP\tPPLA\tSY\t\t09\t\t\t\t2098210\t\t390\tAsia/Damascus\t2024-01-01\n" +
	"172955\tAr Raqqah\tAr Raqqah\tRaqqa,Rakka,raqqa,الرقة\t35.95283\t39.00788\tP\tPPLA\tSY\t\t04\t\t\t\t531952\t\t250\tAsia/Damascus\t2024-01-01\n" +
	"170000\tAleppo Suburb\tAleppo Suburb\t\t36.1\t37.1\tP\tPPL\tSY\t\t09\t\t\t\t20000\t\t390\tAsia/Damascus\t2024-01-01\n"

func gunzip(t testing.TB, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

func TestBuildSample(t *testing.T) {
	b, sum, err := gazgen.Build(writeSample(t, sampleCities))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Countries != 2 || sum.Regions != 3 || sum.Places != 4 {
		t.Errorf("summary %+v", sum)
	}
	text := gunzip(t, b)
	if !strings.Contains(text, "GeoNames (geonames.org)") || !strings.Contains(text, "CC BY 4.0") {
		t.Error("the header does not credit GeoNames")
	}
	want := []string{
		// The country sits at its capital; CR is gone.
		"C\tSY\tSYR\tSyria\tDamascus\t33.5102\t36.2913\t16906283\t1\n",
		// Austria has no listed place: no coordinates.
		"C\tAT\tAUT\tAustria\tVienna\t0\t0\t8847037\t0\n",
		// A region sits at its most populous place and sums their populations.
		"A\tSY.09\tAleppo\tAleppo\t170062\t36.2012\t37.1612\t2118210\n",
		// Latin-script alternates only, no codes, no lower-case forms; the
		// name without the Arabic article is added; "Ḩalab" folds to "Halab".
		"P\t172955\tAr Raqqah\tAr Raqqah\tRakka;Raqqa;Raqqah\tSY\t04\t35.9528\t39.0079\t531952\tPPLA\n",
		"P\t170063\tAleppo\tAleppo\tAlep;Halab\tSY\t09\t36.2012\t37.1612\t2098210\tPPLA\n",
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("output lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "\r") {
		t.Error("output holds a CR")
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name, cities string
	}{
		{"short row", "170654\tDamascus\tDamascus\n"},
		{"bad coordinate", strings.Replace(sampleCities, "33.5102", "north", 1)},
		{"bad population", strings.Replace(sampleCities, "1569394", "many", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := gazgen.Build(writeSample(t, tt.cities)); err == nil {
				t.Error("no error")
			}
		})
	}
	if _, _, err := gazgen.Build(t.TempDir()); err == nil {
		t.Error("no error for an empty folder")
	}
}

// FuzzBuild feeds arbitrary city files to the generator: it must not panic,
// and what it accepts must be tab-separated rows of the documented widths.
func FuzzBuild(f *testing.F) {
	f.Add(sampleCities)
	f.Add("1\tA\tA\t\t0\t0\tP\tPPL\tSY\t\t09\t\t\t\t1\t\t0\tX\t2024-01-01\n")
	f.Fuzz(func(t *testing.T, cities string) {
		b, _, err := gazgen.Build(writeSample(t, cities))
		if err != nil {
			return
		}
		for _, line := range strings.Split(strings.TrimSuffix(gunzip(t, b), "\n"), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			n := strings.Count(line, "\t") + 1
			if want := map[byte]int{'C': 9, 'A': 8, 'P': 11}[line[0]]; n != want {
				t.Fatalf("row %q has %d fields, want %d", line, n, want)
			}
		}
	})
}
