package plan

import (
	"fmt"
	"strconv"
)

// shapeErrors checks what the schema cannot: the years run oldest first with no
// name twice, baseline years come before plan years, and there is a plan year.
// doc has passed the schema, so the types are known.
func shapeErrors(doc any) Errors {
	root, _ := doc.(map[string]any)
	if _, ok := root["member_plans"]; ok {
		return Errors{{Pointer: "/member_plans", Err: fmt.Errorf("member_plans is filled in by planassure (check --footprint), never written in a file")}}
	}
	if isFootprintDoc(root) {
		return footprintShapeErrors(root)
	}
	years, _ := root["years"].([]any)
	return yearOrderErrors(years, "/years")
}

// yearOrderErrors checks the array of years (each with year and basis) at pointer at.
func yearOrderErrors(years []any, at string) Errors {
	var errs Errors
	seen := map[string]int{}
	prev, sawPlan := "", false
	for i, y := range years {
		year, _ := y.(map[string]any)
		name, _ := year["year"].(string)
		basis, _ := year["basis"].(string)
		ptr := at + "/" + strconv.Itoa(i) + "/year"
		if j, dup := seen[name]; dup {
			errs = append(errs, &Error{Pointer: ptr, Err: fmt.Errorf("year %s appears twice (also at %s/%d)", name, at, j)})
		} else if prev != "" && name < prev {
			errs = append(errs, &Error{Pointer: ptr, Err: fmt.Errorf("year %s comes after %s: years must run oldest first", name, prev)})
		} else if !consecutiveYear(name) {
			errs = append(errs, &Error{Pointer: ptr, Err: fmt.Errorf("%q is not a financial year: write it as 2017/18", name)})
		}
		seen[name] = i
		prev = name
		if basis == "plan" {
			sawPlan = true
		} else if sawPlan {
			errs = append(errs, &Error{Pointer: at + "/" + strconv.Itoa(i) + "/basis",
				Err: fmt.Errorf("%s is a %s year after a plan year: baseline years come first", name, basis)})
		}
	}
	if !sawPlan {
		errs = append(errs, &Error{Pointer: at, Err: fmt.Errorf("no plan year: at least one year needs basis \"plan\"")})
	}
	return errs
}

// consecutiveYear reports whether "2017/18" names two consecutive years.
func consecutiveYear(name string) bool {
	if len(name) != 7 {
		return false
	}
	first, err1 := strconv.Atoi(name[:4])
	second, err2 := strconv.Atoi(name[5:])
	return err1 == nil && err2 == nil && (first+1)%100 == second
}
