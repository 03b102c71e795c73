/* A prototype of issue 23, kept out of the package: the Arabic number tokens of
 * extractor.text.numbers.find_numbers in C (its _followed_by scan and _token), to see how
 * much of the bound that benchmarks/prototypes/oracle.py measured a native routine reaches,
 * and what exact emulation of one rule pattern costs in C.  Built and compared with the
 * Python by benchmarks/prototypes/arabic_tokens.py.
 *
 * arabic_tokens(text, follow, at_end, Number) -> list of Number
 *   what [_token(m, True) for m in _followed_by(follow)[0].finditer(text)] gives, minus the
 *   None ones.  The pattern (ASCII digits; \s is [ \t\n\r\f\v]):
 *
 *   \d(?<![A-Za-z0-9.]\d)(?>(?P<a_rest>\d{0,2}(?:[,，]\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)
 *   (?:(?P<ascale>万亿|亿|万|千)?(?P<apct>%)?\s?(?:-|—|–|~|～|至|到)\s?(?P<b>ARABIC))?
 *   (?![A-Za-z0-9.]))(?=[follow])
 *
 * The atomic group is searched in the order the regex engine tries its paths (greedy
 * quantifiers longest first, alternatives left to right); the first path whose end passes
 * (?![A-Za-z0-9.]) wins, and the follow test is made once, after the group.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Text;

static inline Py_UCS4 at(const Text *t, Py_ssize_t i)
{
    return i < t->n ? PyUnicode_READ(t->kind, t->data, i) : 0;
}
static inline int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }
static inline int comma(Py_UCS4 c) { return c == ',' || c == 0xFF0C; }
static inline int alnum_dot(Py_UCS4 c)
{
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
}
static inline int space(Py_UCS4 c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline int sep(Py_UCS4 c)
{
    return c == '-' || c == 0x2014 || c == 0x2013 || c == '~' || c == 0xFF5E || c == 0x81F3 ||
           c == 0x5230;
}
static inline Py_ssize_t digits(const Text *t, Py_ssize_t i)
{
    Py_ssize_t j = i;
    while (j < t->n && is_digit(at(t, j)))
        j++;
    return j - i;
}
static inline int end_ok(const Text *t, Py_ssize_t i) { return !alnum_dot(at(t, i)); }

/* The ends of (?:\.\d+)? after `i`, in the engine's order, into `out` (at most n + 1). */
static int decimal_ends(const Text *t, Py_ssize_t i, Py_ssize_t *out)
{
    int k = 0;
    if (at(t, i) == '.') {
        Py_ssize_t d = digits(t, i + 1);
        for (Py_ssize_t j = d; j >= 1; j--)
            out[k++] = i + 1 + j;
    }
    out[k++] = i;
    return k;
}

#define MAXE 4096
/* The ends of L(?:[,，]\d{3})+(?:\.\d+)? at `i`, where L is lead_min to lead_max digits
 * (greedy), in the engine's order, appended to out[*k] (at most cap). */
static void comma_form_ends(const Text *t, Py_ssize_t i, Py_ssize_t lead_min,
                            Py_ssize_t lead_max, Py_ssize_t *out, int *k, int cap)
{
    Py_ssize_t d = digits(t, i), dec[MAXE];
    for (Py_ssize_t lead = d < lead_max ? d : lead_max; lead >= lead_min; lead--) {
        Py_ssize_t p = i + lead, groups[MAXE];
        int g = 0;
        while (g < MAXE && comma(at(t, p)) && digits(t, p + 1) >= 3) {
            p += 4;
            groups[g++] = p;
        }
        for (int h = g - 1; h >= 0; h--) {
            int nd = decimal_ends(t, groups[h], dec);
            for (int m = 0; m < nd && *k < cap; m++)
                out[(*k)++] = dec[m];
        }
    }
}

/* The ends of \d{lead_min,}(?:\.\d+)? at `i` (greedy), appended to out[*k]. */
static void plain_form_ends(const Text *t, Py_ssize_t i, Py_ssize_t lead_min, Py_ssize_t *out,
                            int *k, int cap)
{
    Py_ssize_t dec[MAXE];
    for (Py_ssize_t lead = digits(t, i); lead >= lead_min; lead--) {
        int nd = decimal_ends(t, i + lead, dec);
        for (int m = 0; m < nd && *k < cap; m++)
            out[(*k)++] = dec[m];
    }
}

/* The ends of ARABIC (\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?) at `i`, in order. */
static int arabic_ends(const Text *t, Py_ssize_t i, Py_ssize_t *out, int cap)
{
    int k = 0;
    comma_form_ends(t, i, 1, 3, out, &k, cap);
    plain_form_ends(t, i, 1, out, &k, cap);
    return k;
}

/* The atomic group at `s` (its first digit): fills the group ends, returns 1, or 0. */
static int group_at(const Text *t, Py_ssize_t s, Py_ssize_t *a_end, int *scale,
                    Py_ssize_t *b_start, Py_ssize_t *end)
{
    static const Py_UCS4 scales[4][2] = {{0x4E07, 0x4EBF}, {0x4EBF, 0}, {0x4E07, 0}, {0x5343, 0}};
    Py_ssize_t a_ends[MAXE], b_ends[MAXE];
    int na = 0;
    /* a_rest: \d{0,2}(?:[,，]\d{3})+(?:\.\d+)? | \d*(?:\.\d+)?, after the first digit */
    comma_form_ends(t, s + 1, 0, 2, a_ends, &na, MAXE);
    plain_form_ends(t, s + 1, 0, a_ends, &na, MAXE);
    for (int ia = 0; ia < na; ia++) {
        Py_ssize_t a = a_ends[ia];
        /* the optional range, tried first: scale options, %, separator, b */
        int scale_opts[3], ns = 0;
        for (int sc = 0; sc < 4; sc++) {
            if (at(t, a) == scales[sc][0] && (!scales[sc][1] || at(t, a + 1) == scales[sc][1]))
                scale_opts[ns++] = sc;
        }
        scale_opts[ns++] = -1;
        for (int is = 0; is < ns; is++) {
            Py_ssize_t p = a + (scale_opts[is] < 0 ? 0 : (scale_opts[is] == 0 ? 2 : 1));
            Py_ssize_t pct_opts[2];
            int np = 0;
            if (at(t, p) == '%')
                pct_opts[np++] = p + 1;
            pct_opts[np++] = p;
            for (int ip = 0; ip < np; ip++) {
                Py_ssize_t q = pct_opts[ip], sp1[2];
                int n1 = 0;
                if (space(at(t, q)))
                    sp1[n1++] = q + 1;
                sp1[n1++] = q;
                for (int i1 = 0; i1 < n1; i1++) {
                    Py_ssize_t r = sp1[i1];
                    if (!sep(at(t, r)))
                        continue;
                    r++;
                    Py_ssize_t sp2[2];
                    int n2 = 0;
                    if (space(at(t, r)))
                        sp2[n2++] = r + 1;
                    sp2[n2++] = r;
                    for (int i2 = 0; i2 < n2; i2++) {
                        int nb = arabic_ends(t, sp2[i2], b_ends, MAXE);
                        for (int ib = 0; ib < nb; ib++) {
                            if (end_ok(t, b_ends[ib])) {
                                *a_end = a;
                                *scale = scale_opts[is];
                                *b_start = sp2[i2];
                                *end = b_ends[ib];
                                return 1;
                            }
                        }
                    }
                }
            }
        }
        if (end_ok(t, a)) { /* no range */
            *a_end = a;
            *scale = -1;
            *b_start = -1;
            *end = a;
            return 1;
        }
    }
    return 0;
}

/* float(text[i:j] without its commas), as numbers.arabic reads it. */
static PyObject *value_of(PyObject *text, Py_ssize_t i, Py_ssize_t j)
{
    char buf[256];
    Py_ssize_t k = 0;
    for (Py_ssize_t p = i; p < j && k < 255; p++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(text, p);
        if (!comma(c))
            buf[k++] = (char)c;
    }
    buf[k] = 0;
    PyObject *s = PyUnicode_FromStringAndSize(buf, k), *f;
    if (s == NULL)
        return NULL;
    f = PyFloat_FromString(s);
    Py_DECREF(s);
    return f;
}

static PyObject *arabic_tokens(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *text, *follow, *number_cls;
    int at_end;
    if (!PyArg_ParseTuple(args, "UUpO", &text, &follow, &at_end, &number_cls))
        return NULL;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    static const double scale_values[4] = {1e12, 1e8, 1e4, 1e3};
    for (Py_ssize_t s = 0; s < t.n; s++) {
        if (!is_digit(at(&t, s)) || (s > 0 && alnum_dot(at(&t, s - 1))))
            continue;
        Py_ssize_t a_end, b_start, end;
        int scale;
        if (!group_at(&t, s, &a_end, &scale, &b_start, &end))
            continue;
        Py_UCS4 next = at(&t, end);
        if (end >= t.n ? !at_end
                       : PyUnicode_FindChar(follow, next, 0, PyUnicode_GET_LENGTH(follow), 1) < 0)
            continue; /* the follow test: (?=[follow]|\Z) */
        PyObject *tok = NULL, *low = NULL, *high = NULL, *txt = NULL;
        if (b_start < 0) {
            txt = PyUnicode_Substring(text, s, end);
            low = value_of(text, s, end);
            if (txt && low)
                tok = PyObject_CallFunction(number_cls, "nnOO", s, end, txt, low);
        }
        else {
            low = value_of(text, s, a_end);
            high = value_of(text, b_start, end);
            if (low && high) {
                double lo = PyFloat_AS_DOUBLE(low), hi = PyFloat_AS_DOUBLE(high);
                if (lo >= hi && scale < 0) {
                    txt = PyUnicode_Substring(text, s, a_end);
                    if (txt)
                        tok = PyObject_CallFunction(number_cls, "nnOO", s, a_end, txt, low);
                }
                else {
                    txt = PyUnicode_Substring(text, s, end);
                    PyObject *sc = scale < 0 ? Py_NewRef(Py_None)
                                             : PyFloat_FromDouble(scale_values[scale]);
                    if (txt && sc)
                        tok = PyObject_CallFunction(number_cls, "nnOOOOssO", s, end, txt, low,
                                                    low, high, "range", "", sc);
                    Py_XDECREF(sc);
                }
            }
        }
        Py_XDECREF(txt);
        Py_XDECREF(low);
        Py_XDECREF(high);
        if (tok == NULL || PyList_Append(out, tok) < 0) {
            Py_XDECREF(tok);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(tok);
        s = end - 1; /* finditer goes on after the match */
    }
    return out;
}

static PyMethodDef methods[] = {
    {"arabic_tokens", arabic_tokens, METH_VARARGS, "The Arabic number tokens of a text."},
    {NULL, NULL, 0, NULL},
};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "arabic_tokens", NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit_arabic_tokens(void) { return PyModule_Create(&module); }
