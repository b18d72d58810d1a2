package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// IsFootprint reports whether the submission is a footprint document
// (organisation.type "stp", with a footprint object) rather than a plan.
func (p Plan) IsFootprint() bool {
	root, _ := p.Doc.(map[string]any)
	return isFootprintDoc(root)
}

// Stp returns organisation.stp, the footprint a plan belongs to ("" if none).
func (p Plan) Stp() string {
	root, _ := p.Doc.(map[string]any)
	return str(root, "organisation", "stp")
}

// FootprintKey is the name by which a footprint and its member plans are
// matched: case and surrounding space aside.
func FootprintKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// WithMembers returns the document of footprint p with member_plans set to
// the documents of its member plans: the input its rules read.
func (p Plan) WithMembers(members []Plan) map[string]any {
	root, _ := p.Doc.(map[string]any)
	doc := make(map[string]any, len(root)+1)
	for k, v := range root {
		doc[k] = v
	}
	docs := make([]any, len(members))
	for i, m := range members {
		docs[i] = m.Doc
	}
	doc["member_plans"] = docs
	return doc
}

func isFootprintDoc(root map[string]any) bool {
	return str(root, "organisation", "type") == "stp"
}

// footprintShapeErrors checks what the schema cannot in a footprint document:
// its years run oldest first with a plan year, member codes are unique, and no
// year lists a member twice.
func footprintShapeErrors(root map[string]any) Errors {
	fp, _ := root["footprint"].(map[string]any)
	years, _ := fp["years"].([]any)
	errs := yearOrderErrors(years, "/footprint/years")
	members, _ := fp["members"].([]any)
	errs = append(errs, duplicateCodes(members, "/footprint/members", "member %s appears twice (also at %s): each member is listed once")...)
	for i, y := range years {
		year, _ := y.(map[string]any)
		figures, _ := year["members"].([]any)
		at := "/footprint/years/" + strconv.Itoa(i) + "/members"
		errs = append(errs, duplicateCodes(figures, at, "member %s has figures twice in the year (also at %s)")...)
	}
	return errs
}

func duplicateCodes(list []any, at, format string) Errors {
	var errs Errors
	seen := map[string]string{}
	for i, m := range list {
		o, _ := m.(map[string]any)
		code, _ := o["code"].(string)
		ptr := at + "/" + strconv.Itoa(i) + "/code"
		if prev, dup := seen[code]; dup {
			errs = append(errs, &Error{Pointer: ptr, Err: fmt.Errorf(format, code, prev)})
			continue
		}
		seen[code] = ptr
	}
	return errs
}
