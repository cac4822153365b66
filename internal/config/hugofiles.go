package config

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// hugoExts are the formats Hugo reads its configuration in.
var hugoExts = []string{".toml", ".yaml", ".yml", ".json"}

// hugoFiles are Hugo's configuration files in fsys, in the order Hugo's
// documentation gives them: hugo.* and config.* at the top, then every
// file of every environment folder under config/ (_default, production,
// development…), where a site's settings are split by table
// (params.toml, menus.en.toml).
func hugoFiles(fsys fs.FS) []string {
	var names []string
	for _, base := range []string{"hugo", "config"} {
		for _, ext := range hugoExts {
			if fi, err := fs.Stat(fsys, base+ext); err == nil && !fi.IsDir() {
				names = append(names, base+ext)
			}
		}
	}
	envs, _ := fs.ReadDir(fsys, "config")
	for _, env := range envs {
		if !env.IsDir() {
			continue
		}
		files, _ := fs.ReadDir(fsys, "config/"+env.Name())
		for _, f := range files {
			if !f.IsDir() && slices.Contains(hugoExts, path.Ext(f.Name())) && hugoRootKey(f.Name()) {
				names = append(names, "config/"+env.Name()+"/"+f.Name())
			}
		}
	}
	return names
}

// hugoRootKeys are the tables of Hugo's configuration that a file under
// config/ENV/ is named after (params.toml, menus.en.toml), lower-cased.
// A file of another name there (config/deploy/netlify.json) is a site's
// own, not Hugo's, and is left alone.
var hugoRootKeys = []string{
	"hugo", "config", "params", "menus", "menu", "languages", "markup", "taxonomies", "permalinks",
	"outputs", "outputformats", "mediatypes", "module", "security", "caches", "imaging", "minify",
	"related", "services", "privacy", "sitemap", "frontmatter", "server", "build", "deployment",
	"cascade", "segments", "httpcache", "pagination", "author", "social",
}

// hugoRootKey reports whether file, under config/ENV/, is named after one
// of Hugo's tables, with or without a language (menus.en.toml).
func hugoRootKey(file string) bool {
	base, _, _ := strings.Cut(strings.TrimSuffix(file, path.Ext(file)), ".")
	return slices.Contains(hugoRootKeys, strings.ToLower(base))
}

// hugoConfigs names each of Hugo's configuration files in fsys, and how
// to merge it into site.toml. Each would otherwise be ignored without a
// word: a site moved from Hugo that splits its settings into config/
// lost its params and menus once hugo.toml became site.toml. Without
// site.toml (c nil) each is a problem, as the site would have none of its
// settings; beside site.toml, each is a warning, as content.md grades
// what a build loses without being wrong: the site builds with the
// settings it has, and a site still built by Hugo too, while it moves,
// can keep its files.
func hugoConfigs(fsys fs.FS, c *Config) []problem.Problem {
	lang := Default().LanguageCode
	if c != nil {
		lang = c.LanguageCode
	}
	var out []problem.Problem
	for _, name := range hugoFiles(fsys) {
		out = append(out, hugoFile(name, c != nil, lang))
	}
	return out
}

// hugoFile says what to do with one of Hugo's configuration files; leftover
// is whether the site has its site.toml already, and lang is its first
// language, whose menus are [[menus.NAME]].
func hugoFile(name string, leftover bool, lang string) problem.Problem {
	ext := path.Ext(name)
	table, code, _ := strings.Cut(strings.TrimSuffix(path.Base(name), ext), ".") // menus.en
	table = strings.ToLower(table)
	split := strings.HasPrefix(name, "config/")
	whole := (table == "hugo" || table == "config") && code == ""
	msg := fmt.Sprintf("samizdat reads its settings only from %s, not from %s (Hugo's)", File, name)
	var hint string
	switch {
	case whole && !leftover:
		msg += ", so this site has none"
		hint = "rename it to " + File + "; samizdat then names each setting it does not know, and what to write instead"
		if split {
			hint = "move it to " + File + " at the top of the site; samizdat then names each setting it does not know, and what to write instead"
		}
		if ext != ".toml" {
			hint = "write its settings in TOML in a file named " + File + ", as docs/settings.md shows"
		}
	case whole:
		msg += ", so its settings are not used"
		hint = "merge what you still need from it into " + File + " (samizdat then names each setting it does not know, and what to write instead)"
	default:
		msg += ", so its settings are not used"
		var copied bool
		hint, copied = mergeHint(table, code, lang)
		if copied && ext != ".toml" {
			hint += ", written in TOML (key = value)"
		}
	}
	if env := strings.Split(name, "/"); split && env[1] != "_default" {
		hint += fmt.Sprintf("; Hugo reads config/%s/ only in its %s environment, and samizdat has one %s for every build, so merge only what the published site needs",
			env[1], env[1], File)
	}
	if leftover {
		hint += "; then delete " + name
	}
	return problem.Problem{File: name, Message: msg, Hint: hint}
}

// mergeHint says where the settings of Hugo's config/ENV/TABLE.CODE.toml
// go in site.toml, and whether they are copied there as they are (else
// the hint says what samizdat has instead).
func mergeHint(table, code, lang string) (hint string, copied bool) {
	langs := ""
	lang = strings.ToLower(lang)
	if code = strings.ToLower(code); code != "" && code != lang && !strings.HasPrefix(lang, code+"-") { // menus.en.toml, languageCode = "en-us"
		langs = "languages." + code + "."
	}
	switch table {
	case "params":
		return fmt.Sprintf("copy its lines into %s under a [%sparams] table", File, langs), true
	case "menus", "menu":
		return fmt.Sprintf("copy its entries into %s, each [[main]] written [[%smenus.main]] (its name, url, pageRef and weight lines as they are)", File, langs), true
	case "languages":
		return fmt.Sprintf("copy each language's table into %s, [ru] written [languages.ru] (samizdat names each key it does not know, such as languageName, and what to write instead)", File), true
	case "taxonomies":
		return fmt.Sprintf("copy its lines into %s under a [taxonomies] table", File), true
	case "markup":
		return fmt.Sprintf("samizdat's only markup settings are unsafe and maxCodeBytes, under [markup] in %s: Hugo's goldmark.renderer.unsafe = true is unsafe = true there, and its other markup settings have nothing to copy", File), false
	}
	if h, ok := hugoKeys[table]; ok {
		return fmt.Sprintf("Hugo's [%s], which samizdat does not have: %s", table, h), false
	}
	return fmt.Sprintf("copy it into %s as a [%s] table; samizdat then names each setting it does not have, and what to write instead", File, table), true
}
