"""A chapter's coordinates: both or neither, on the Earth, and on the map the network
draws (the 50 states, DC and Puerto Rico where outlined: chapters/register/us_map.py)."""

from chapters.register.us_map import project


def coordinate_errors(latitude, longitude) -> dict[str, str]:
    """What is wrong with these coordinates, by field ({} when they are fine or both empty)."""
    if latitude is None and longitude is None:
        return {}
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        return {missing: f"Give the {missing} too, or neither."}
    if not -90 <= latitude <= 90:
        return {"latitude": f"{latitude} is not a latitude (from -90 to 90)."}
    if not -180 <= longitude <= 180:
        return {"longitude": f"{longitude} is not a longitude (from -180 to 180)."}
    if project(latitude, longitude) is None:
        return {
            "longitude": f"{latitude}, {longitude} is outside the US states the network's map "
            "shows (west is negative: Ohio is about 40, -83)."
        }
    return {}
