package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// route is one page: its path, its name (ids, static file names), its
// translation key and its component.
type route struct {
	path string
	name string
	key  string
	new  func() app.Composer
}

// pageRoutes are the pages the navigation lists, in order.
var pageRoutes = []route{
	{"/flexible", "flexible", "nav.flexible", func() app.Composer { return newFlexiblePage() }},
	{"/employee", "employee", "nav.employee", func() app.Composer { return newEmployeePage() }},
	{"/employer", "employer", "nav.employer", func() app.Composer { return newEmployerPage() }},
	{"/institution", "institution", "nav.institution", func() app.Composer { return newInstitutionPage() }},
	{"/settlement", "settlement", "nav.settlement", func() app.Composer { return newSettlementPage() }},
	{"/policy", "policy", "nav.policy", func() app.Composer { return newIndexPage() }},
}

// calcRoutes are the calculators: every page but the index.
func calcRoutes() []route { return pageRoutes[:len(pageRoutes)-1] }

// Routes registers every page with go-app: "/" and each page's path.
// Call it on the server (to pre-render) and in the browser alike.
func Routes() {
	app.Route("/", func() app.Composer { return newHome() })
	for _, r := range pageRoutes {
		app.Route(r.path, r.new)
	}
	app.RouteWithRegexp("^/place/[0-9]{6}$", func() app.Composer { return newPlacePage() })
}

// PlacePaths lists the place pages (/place/430000 …): the static site
// writes one file for each.
func PlacePaths() []string {
	var out []string
	for _, code := range pagePlaces() {
		out = append(out, "/place/"+code)
	}
	return out
}

// Paths lists every route's path, "/" first: the server precaches them so
// every page works offline, and the static site writes one file for each.
func Paths() []string {
	out := []string{"/"}
	for _, r := range pageRoutes {
		out = append(out, r.path)
	}
	return out
}
