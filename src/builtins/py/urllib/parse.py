"""socklab's urllib.parse: CPython 3.11's functions for str URLs (urlparse, urlsplit,
urlunparse, urlunsplit, urljoin, urlencode, quote, unquote, parse_qs, parse_qsl ...),
their results as namedtuples with hostname, port, username and password."""

from collections import namedtuple
from _collections import _socklab_extend

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag", "urlsplit", "urlunsplit",
           "urlencode", "parse_qs", "parse_qsl", "quote", "quote_plus",
           "quote_from_bytes", "unquote", "unquote_plus", "unquote_to_bytes",
           "ParseResult", "SplitResult", "DefragResult"]

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https',
                 'shttp', 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh',
                 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file',
               'mms', 'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync',
               'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')
_WHATWG_C0_CONTROL_OR_SPACE = ''.join([chr(i) for i in range(0x20)]) + ' '
_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']
_ALWAYS_SAFE = ('ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                'abcdefghijklmnopqrstuvwxyz'
                '0123456789'
                '_.-~')
_HEX = '0123456789abcdefABCDEF'


def _check_str(*args):
    for a in args:
        if not isinstance(a, str):
            if isinstance(a, (bytes, bytearray)):
                raise NotImplementedError(
                    "socklab's urllib.parse takes str URLs; decode bytes first")
            raise AttributeError("'%s' object has no attribute 'decode'" % type(a).__name__)


# The results: namedtuples, with the netloc's parts as properties.

def _userinfo(self):
    userinfo, have_info, hostinfo = self.netloc.rpartition('@')
    if have_info:
        username, have_password, password = userinfo.partition(':')
        if not have_password:
            password = None
    else:
        username = password = None
    return username, password


def _hostinfo(self):
    _, _, hostinfo = self.netloc.rpartition('@')
    _, have_open_br, bracketed = hostinfo.partition('[')
    if have_open_br:
        hostname, _, port = bracketed.partition(']')
        _, _, port = port.partition(':')
    else:
        hostname, _, port = hostinfo.partition(':')
    if not port:
        port = None
    return hostname, port


def _username(self):
    return _userinfo(self)[0]


def _password(self):
    return _userinfo(self)[1]


def _hostname(self):
    hostname = _hostinfo(self)[0]
    if not hostname:
        return None
    hostname, percent, zone = hostname.partition('%')
    return hostname.lower() + percent + zone


def _port(self):
    port = _hostinfo(self)[1]
    if port is not None:
        if port.isdigit() and port.isascii():
            port = int(port)
        else:
            raise ValueError("Port could not be cast to integer value as %r" % (port,))
        if not (0 <= port <= 65535):
            raise ValueError("Port out of range 0-65535")
    return port


SplitResult = namedtuple('SplitResult', 'scheme netloc path query fragment',
                         module='urllib.parse')
ParseResult = namedtuple('ParseResult', 'scheme netloc path params query fragment',
                         module='urllib.parse')
DefragResult = namedtuple('DefragResult', 'url fragment', module='urllib.parse')

for _cls in (SplitResult, ParseResult):
    _socklab_extend(_cls, username=property(_username), password=property(_password),
                    hostname=property(_hostname), port=property(_port))


def _split_geturl(self):
    return urlunsplit(self)


def _parse_geturl(self):
    return urlunparse(self)


def _defrag_geturl(self):
    if self.fragment:
        return self.url + '#' + self.fragment
    return self.url


_socklab_extend(SplitResult, geturl=_split_geturl)
_socklab_extend(ParseResult, geturl=_parse_geturl)
_socklab_extend(DefragResult, geturl=_defrag_geturl)


def urlparse(url, scheme='', allow_fragments=True):
    _check_str(url, scheme)
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    if scheme in uses_params and ';' in url:
        url, params = _splitparams(url)
    else:
        params = ''
    return ParseResult(scheme, netloc, url, params, query, fragment)


def _splitparams(url):
    if '/' in url:
        i = url.find(';', url.rfind('/'))
        if i < 0:
            return url, ''
    else:
        i = url.find(';')
    return url[:i], url[i + 1:]


def _splitnetloc(url, start=0):
    delim = len(url)
    for c in '/?#':
        wdelim = url.find(c, start)
        if wdelim >= 0:
            delim = min(delim, wdelim)
    return url[start:delim], url[delim:]


def urlsplit(url, scheme='', allow_fragments=True):
    _check_str(url, scheme)
    url = url.lstrip(_WHATWG_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_WHATWG_C0_CONTROL_OR_SPACE)
    for b in _UNSAFE_URL_BYTES_TO_REMOVE:
        url = url.replace(b, "")
        scheme = scheme.replace(b, "")
    allow_fragments = bool(allow_fragments)
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isascii() and url[0].isalpha():
        is_scheme = True
        for c in url[:i]:
            if c not in scheme_chars:
                is_scheme = False
                break
        if is_scheme:
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        if (('[' in netloc and ']' not in netloc) or
                (']' in netloc and '[' not in netloc)):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = "%s;%s" % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    _check_str(base, url)
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = bnetloc
    if not path and not params:
        path = bpath
        params = bparams
        if not query:
            query = bquery
        return urlunparse((scheme, netloc, path, params, query, fragment))
    base_parts = bpath.split('/')
    if base_parts[-1] != '':
        del base_parts[-1]
    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_parts + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]
    resolved_path = []
    for seg in segments:
        if seg == '..':
            if resolved_path:
                resolved_path.pop()
        elif seg == '.':
            continue
        else:
            resolved_path.append(seg)
    if segments[-1] in ('.', '..'):
        resolved_path.append('')
    return urlunparse((scheme, netloc, '/'.join(resolved_path) or '/', params, query, fragment))


def urldefrag(url):
    _check_str(url)
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defrag = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defrag = url
    return DefragResult(defrag, frag)


def quote_from_bytes(bs, safe='/'):
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = ''.join([c for c in safe if ord(c) < 128])
    else:
        safe = ''.join([chr(c) for c in safe if c < 128])
    keep = _ALWAYS_SAFE + safe
    out = []
    for b in bs:
        c = chr(b)
        if b < 128 and c in keep:
            out.append(c)
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


def quote(string, safe='/', encoding=None, errors=None):
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        space = ' '
    else:
        space = b' '
    string = quote(string, safe + space, encoding, errors)
    return string.replace(' ', '+')


def _unquote_ascii(run):
    """The bytes of an ASCII run with its %XX escapes decoded."""
    out = []
    i = 0
    n = len(run)
    while i < n:
        c = run[i]
        if c == '%' and i + 2 < n and run[i + 1] in _HEX and run[i + 2] in _HEX:
            out.append(int(run[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(ord(c))
            i += 1
    return bytes(out)


def unquote_to_bytes(string):
    if not string:
        string.split
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    out = []
    i = 0
    n = len(string)
    while i < n:
        b = string[i]
        if (b == 37 and i + 2 < n and chr(string[i + 1]) in _HEX
                and chr(string[i + 2]) in _HEX):
            out.append(int(chr(string[i + 1]) + chr(string[i + 2]), 16))
            i += 3
        else:
            out.append(b)
            i += 1
    return bytes(out)


def unquote(string, encoding='utf-8', errors='replace'):
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    # As CPython: each run of ASCII characters is unquoted and decoded on its own.
    res = []
    run = ''
    for c in string:
        if ord(c) < 128:
            run += c
        else:
            if run:
                res.append(_unquote_ascii(run).decode(encoding, errors))
                run = ''
            res.append(c)
    if run:
        res.append(_unquote_ascii(run).decode(encoding, errors))
    return ''.join(res)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    parsed_result = {}
    pairs = parse_qsl(qs, keep_blank_values, strict_parsing,
                      encoding=encoding, errors=errors,
                      max_num_fields=max_num_fields, separator=separator)
    for name, value in pairs:
        if name in parsed_result:
            parsed_result[name].append(value)
        else:
            parsed_result[name] = [value]
    return parsed_result


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    _check_str(qs)
    if not separator or (not isinstance(separator, (str, bytes))):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None:
        num_fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < num_fields:
            raise ValueError('Max number of fields exceeded')
    r = []
    query_args = qs.split(separator) if qs else []
    for name_value in query_args:
        if not name_value and not strict_parsing:
            continue
        nv = name_value.split('=', 1)
        if len(nv) != 2:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (name_value,))
            if keep_blank_values:
                nv.append('')
            else:
                continue
        if len(nv[1]) or keep_blank_values:
            name = unquote(nv[0].replace('+', ' '), encoding=encoding, errors=errors)
            value = unquote(nv[1].replace('+', ' '), encoding=encoding, errors=errors)
            r.append((name, value))
    return r


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence or mapping object")
    parts = []
    for k, v in query:
        if isinstance(k, bytes):
            k = quote_via(k, safe)
        else:
            k = quote_via(str(k), safe, encoding, errors)
        several = False
        if doseq and not isinstance(v, (bytes, str)):
            try:
                len(v)
                several = True
            except TypeError:
                several = False
        if not several:
            if isinstance(v, bytes):
                v = quote_via(v, safe)
            else:
                v = quote_via(str(v), safe, encoding, errors)
            parts.append(k + '=' + v)
        else:
            for elt in v:
                if isinstance(elt, bytes):
                    elt = quote_via(elt, safe)
                else:
                    elt = quote_via(str(elt), safe, encoding, errors)
                parts.append(k + '=' + elt)
    return '&'.join(parts)
