/* Native twins of two whole-text passes every parse makes (issue 23).
 *
 *   translate(text, table)            what text.translate(mapping) returns, for a 1:1
 *                                     mapping of code points (extractor.text.fold)
 *   mark_positions(text, clause, sentence, full)
 *                                     the offsets of the clause marks, and of those that
 *                                     are sentence and full-sentence marks too
 *                                     (extractor.text.sentences.SentenceIndex)
 *   table(mapping)                    the bytes `translate` reads: a bitmap of the keys
 *                                     below U+10000, then the keys and values, sorted
 *
 * Both know no rule: the characters come from the caller (patterns/text.toml, the fold
 * table), so the pure Python they replace stays the reference and the differential tests
 * (tests/text/test_native.py) compare the two on the corpora and on generated text.
 * Strings are built canonical (the narrowest kind that holds their largest character),
 * as CPython requires for equality with strings built elsewhere.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define BITMAP_BYTES (0x10000 / 8)

/* The table: BITMAP_BYTES of bitmap, uint32 count, count keys, count values. */
typedef struct {
    const uint8_t *bitmap;
    uint32_t count;
    const uint32_t *keys;
    const uint32_t *values;
} Table;

static int
read_table(PyObject *obj, Table *t)
{
    char *buf;
    Py_ssize_t size;
    if (PyBytes_AsStringAndSize(obj, &buf, &size) < 0)
        return -1;
    if (size < BITMAP_BYTES + 4) {
        PyErr_SetString(PyExc_ValueError, "not a table of _native.table()");
        return -1;
    }
    t->bitmap = (const uint8_t *)buf;
    memcpy(&t->count, buf + BITMAP_BYTES, 4);
    if ((Py_ssize_t)(BITMAP_BYTES + 4 + 8 * (Py_ssize_t)t->count) != size) {
        PyErr_SetString(PyExc_ValueError, "not a table of _native.table()");
        return -1;
    }
    t->keys = (const uint32_t *)(buf + BITMAP_BYTES + 4);
    t->values = t->keys + t->count;
    return 0;
}

/* The value of `ch`, or `ch` itself when it is no key. */
static inline Py_UCS4
lookup(const Table *t, Py_UCS4 ch)
{
    if (ch < 0x10000 && !(t->bitmap[ch >> 3] & (1u << (ch & 7))))
        return ch;
    uint32_t lo = 0, hi = t->count;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t->keys[mid] < ch)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < t->count && t->keys[lo] == ch) ? (Py_UCS4)t->values[lo] : ch;
}

static int
compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static PyObject *
native_table(PyObject *self, PyObject *mapping)
{
    (void)self;
    if (!PyDict_Check(mapping)) {
        PyErr_SetString(PyExc_TypeError, "table() takes a dict of code points");
        return NULL;
    }
    Py_ssize_t n = PyDict_Size(mapping);
    uint32_t *pairs = PyMem_Malloc(sizeof(uint32_t) * 2 * (n ? n : 1));
    if (pairs == NULL)
        return PyErr_NoMemory();
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    while (PyDict_Next(mapping, &pos, &key, &value)) {
        long k = PyLong_AsLong(key), v = PyLong_AsLong(value);
        if ((k == -1 || v == -1) && PyErr_Occurred()) {
            PyMem_Free(pairs);
            return NULL;
        }
        if (k < 0 || k > 0x10FFFF || v < 0 || v > 0x10FFFF) {
            PyMem_Free(pairs);
            PyErr_SetString(PyExc_ValueError, "table() maps code points to code points");
            return NULL;
        }
        pairs[2 * i] = (uint32_t)k;
        pairs[2 * i + 1] = (uint32_t)v;
        i++;
    }
    qsort(pairs, (size_t)n, 2 * sizeof(uint32_t), compare_u32);
    PyObject *out = PyBytes_FromStringAndSize(NULL, BITMAP_BYTES + 4 + 8 * n);
    if (out == NULL) {
        PyMem_Free(pairs);
        return NULL;
    }
    char *buf = PyBytes_AS_STRING(out);
    memset(buf, 0, BITMAP_BYTES);
    uint32_t count = (uint32_t)n;
    memcpy(buf + BITMAP_BYTES, &count, 4);
    uint32_t *keys = (uint32_t *)(buf + BITMAP_BYTES + 4), *values = keys + n;
    for (i = 0; i < n; i++) {
        uint32_t k = pairs[2 * i];
        keys[i] = k;
        values[i] = pairs[2 * i + 1];
        if (k < 0x10000)
            ((uint8_t *)buf)[k >> 3] |= (uint8_t)(1u << (k & 7));
    }
    PyMem_Free(pairs);
    return out;
}

/* translate() where a value needs a wider kind than the text's: through UCS4. */
static PyObject *
translate_wide(PyObject *text, const Table *t)
{
    Py_UCS4 *wide = PyUnicode_AsUCS4Copy(text);
    if (wide == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++)
        wide[i] = lookup(t, wide[i]);
    PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, wide, n);
    PyMem_Free(wide);
    return out;
}

static PyObject *
native_translate(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *text, *table_obj;
    Table t;
    if (!PyArg_ParseTuple(args, "UO!:translate", &text, &PyBytes_Type, &table_obj))
        return NULL;
    if (read_table(table_obj, &t) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    void *buf = NULL;
    Py_ssize_t changed = 0;
    /* one pass in the text's own kind (a value may be wider than the kind holds: then
     * the slow path below); PyUnicode_FromKindAndData then picks the narrowest kind
     * that holds the result, as CPython requires of every string */
#define TRANSLATE(T)                                                          \
    do {                                                                      \
        const T *src = (const T *)data;                                       \
        T *dst = PyMem_Malloc(n ? n * sizeof(T) : 1);                         \
        if (dst == NULL)                                                      \
            return PyErr_NoMemory();                                          \
        for (Py_ssize_t i = 0; i < n; i++) {                                  \
            Py_UCS4 to = lookup(&t, src[i]);                                  \
            if (to != src[i]) {                                               \
                if (to > (Py_UCS4)(T)-1) {                                    \
                    PyMem_Free(dst);                                          \
                    return translate_wide(text, &t);                          \
                }                                                             \
                changed++;                                                    \
            }                                                                 \
            dst[i] = (T)to;                                                   \
        }                                                                     \
        buf = dst;                                                            \
    } while (0)
    if (kind == PyUnicode_1BYTE_KIND)
        TRANSLATE(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        TRANSLATE(Py_UCS2);
    else
        TRANSLATE(Py_UCS4);
#undef TRANSLATE
    if (!changed) {
        /* nothing changes: an equal string (str.translate returns the same one too) */
        PyMem_Free(buf);
        Py_INCREF(text);
        return text;
    }
    PyObject *out = PyUnicode_FromKindAndData(kind, buf, n);
    PyMem_Free(buf);
    return out;
}

/* Membership of a few characters: a bitmap below U+10000; above it, the characters
 * themselves are searched (marks there are rare, and may be many). */
typedef struct {
    uint8_t bitmap[BITMAP_BYTES];
    PyObject *chars;
} CharSet;

static void
charset_of(PyObject *chars, CharSet *set)
{
    memset(set->bitmap, 0, sizeof set->bitmap);
    set->chars = chars;
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x10000)
            set->bitmap[ch >> 3] |= (uint8_t)(1u << (ch & 7));
    }
}

static inline int
charset_has(const CharSet *set, Py_UCS4 ch)
{
    if (ch < 0x10000)
        return (set->bitmap[ch >> 3] >> (ch & 7)) & 1;
    return PyUnicode_FindChar(set->chars, ch, 0, PyUnicode_GET_LENGTH(set->chars), 1) >= 0;
}

static PyObject *
native_mark_positions(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *text, *clause, *sentence, *full;
    if (!PyArg_ParseTuple(args, "UUUU:mark_positions", &text, &clause, &sentence, &full))
        return NULL;
    CharSet *sets = PyMem_Malloc(3 * sizeof(CharSet));
    if (sets == NULL)
        return PyErr_NoMemory();
    charset_of(clause, &sets[0]);
    charset_of(sentence, &sets[1]);
    charset_of(full, &sets[2]);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* first pass: how many of each, so that the lists are made at their size */
    Py_ssize_t counts[3] = {0, 0, 0}, filled[3] = {0, 0, 0};
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (charset_has(&sets[0], ch)) {
            counts[0]++;
            if (charset_has(&sets[1], ch)) {
                counts[1]++;
                counts[2] += charset_has(&sets[2], ch);
            }
        }
    }
    PyObject *lists[3] = {NULL, NULL, NULL}, *out = NULL;
    for (int k = 0; k < 3; k++)
        if ((lists[k] = PyList_New(counts[k])) == NULL)
            goto done;
    for (Py_ssize_t i = 0; i < n && filled[0] < counts[0]; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!charset_has(&sets[0], ch))
            continue;
        PyObject *at = PyLong_FromSsize_t(i);
        if (at == NULL)
            goto done;
        PyList_SET_ITEM(lists[0], filled[0]++, at);
        if (!charset_has(&sets[1], ch))
            continue;
        Py_INCREF(at);
        PyList_SET_ITEM(lists[1], filled[1]++, at);
        if (charset_has(&sets[2], ch)) {
            Py_INCREF(at);
            PyList_SET_ITEM(lists[2], filled[2]++, at);
        }
    }
    out = PyTuple_Pack(3, lists[0], lists[1], lists[2]);
done:
    for (int k = 0; k < 3; k++)
        Py_XDECREF(lists[k]); /* a list not filled holds NULLs: Py_DECREF of it is safe */
    PyMem_Free(sets);
    return out;
}

static PyMethodDef methods[] = {
    {"table", native_table, METH_O,
     "table(mapping) -> bytes: a dict of code points → code points, as translate reads it"},
    {"translate", native_translate, METH_VARARGS,
     "translate(text, table) -> str: text.translate(mapping) for a 1:1 mapping"},
    {"mark_positions", native_mark_positions, METH_VARARGS,
     "mark_positions(text, clause, sentence, full) -> (clause, sentence, full offsets)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "extractor.text._native",
    "Native twins of the fold and of the sentence marks' scan (see extractor.text.native).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__native(void)
{
    return PyModule_Create(&module);
}
