"""Hindi language pack (Devanagari): data only, in the YAML files beside this one."""
