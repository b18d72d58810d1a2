package planassure.rules.local.bare

deny contains {"msg": "always"} if true
