"""ISO 3166-1 alpha-3 countries, for nationalities."""

from functools import cache

import pycountry


@cache
def country_names() -> dict[str, str]:
    return {
        country.alpha_3: getattr(country, "common_name", country.name)
        for country in pycountry.countries
    }


def is_country_code(code: str) -> bool:
    return code in country_names()
