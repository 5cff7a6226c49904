package rules

import "testing"

func TestBundledLoads(t *testing.T) {
	sets, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != 4 {
		t.Fatalf("got %d bundled rule sets, want 4", len(sets))
	}
	for _, rs := range sets {
		t.Logf("%s %s %s periods=%v", rs.ID, rs.Region, rs.Start(), rs.Periods())
	}
}
