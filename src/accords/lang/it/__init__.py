"""Italian language pack: data only, in the YAML files beside this one."""
