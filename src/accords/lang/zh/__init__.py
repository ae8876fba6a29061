"""Chinese language pack (simplified and traditional characters): data only, in the YAML files beside this one."""
