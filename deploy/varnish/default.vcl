vcl 4.1;
# Varnish in front of the network's gunicorn (README: Caching).
#
# * Caches only what the site allows (Cache-Control: public, s-maxage) and never
#   a request or a response with a cookie: a logged-in member, a reader with a
#   form open and anything that sets a cookie always reach Django.
# * PURGE from this machine only (FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:6081/):
#   it drops everything under the purged address on that host, so purging a
#   site's root empties the site (what the site does when shared content changes).
#
# The backend's address: edit here, or render this file with another port.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-cache-host == " + req.http.host + " && obj.http.x-cache-url ~ ^" + regsuball(req.url, "[.?*+^$()\[\]{}|\\]", "\\\0"));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Cookie || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/admin/") {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    # Behind TLS termination: an http:// request gets the redirect, never an https page.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # For bans: the lurker thread can drop objects by these without a request.
    set beresp.http.x-cache-host = bereq.http.host;
    set beresp.http.x-cache-url = bereq.url;
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)"
        || beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-cache-host;
    unset resp.http.x-cache-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
