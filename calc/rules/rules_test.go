package rules

import "testing"

func TestBundledLoads(t *testing.T) {
	sets, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, rs := range sets {
		ids[rs.ID] = true
	}
	for _, id := range []string{"liaoning-2006", "shenyang-2009", "daqing-2011", "national-2019"} {
		if !ids[id] {
			t.Errorf("bundled rule set %s missing; got %v", id, ids)
		}
	}
	for _, rs := range sets {
		t.Logf("%s %s %s periods=%v", rs.ID, rs.Region, rs.Start(), rs.Periods())
	}
}
