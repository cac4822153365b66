package config

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestEverySettingIsDocumented: docs/settings.md names each key of
// site.toml, so that a key added to Config cannot go undocumented (onion,
// mirrors and budgetKB were, and sites could not learn how to set them).
func TestEverySettingIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/settings.md")
	if err != nil {
		t.Fatal(err)
	}
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map || typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct {
			return
		}
		for i := range typ.NumField() {
			f := typ.Field(i)
			name := tomlName(f)
			if name == "-" {
				continue
			}
			if !strings.Contains(string(doc), "`"+name+"`") && !strings.Contains(string(doc), "["+name) &&
				!strings.Contains(string(doc), "."+name+"]") {
				t.Errorf("docs/settings.md does not name %s%s", prefix, name)
			}
			walk(prefix+name+".", f.Type)
		}
	}
	walk("", reflect.TypeFor[Config]())
}
