# -*- coding: utf-8 -*-
"""Disassembler golden-test exercises, valid Python 2.7 and 3.x: constants of every
type, closures, classes, loops, exceptions, comprehensions, comparisons, slices,
globals, EXTENDED_ARG (300 constants, long jumps) and line numbers past 1000."""
import os, sys as system
from os.path import join as pjoin

X = 1
Y = u"unicode \u00e9 \u2603 \U0001f600"
Z = b"bytes \x00\xff'\""
F = (1.5e300, -0.0, 1e-7, 0.1, 2.5, 1e16, float("inf"))
C = (2j, 1+2j, -1.5j)
BIG = (123456789012345678901234567890, -2**63, 2**63, 2**31)
NEG = -5
T = (1, ("a", None, True, False), (), ((),))

def simple(a, b=2, *args, **kw):
    return a + b - a * b / a // b % a ** b << a >> b & a | b ^ a

def unary(a):
    a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 3; a **= 2; a <<= 1; a >>= 1; a &= 7; a |= 8; a ^= 1
    return -a, +a, ~a, not a

def closures():
    x = 1
    def inner(y):
        def innermost():
            return x + y
        return innermost
    return inner

class K(object):
    attr = 1
    def method(self, *a, **k):
        return self.attr, getattr(self, "attr"), super(K, self).__init__()
    @property
    def prop(self):
        del self.attr
        return 1

def loops(seq):
    total = 0
    for i in seq:
        if i in (1, 2, 3):
            continue
        if i in {4, 5}:
            break
        while total < 10:
            total += i
            if total == 7:
                break
    else:
        total = -1
    return total if total else None

def exceptions(f):
    try:
        f()
    except (ValueError, TypeError) as e:
        return e
    except Exception:
        raise
    else:
        pass
    finally:
        f = None
    with open(f) as fh:
        with open(f) as a, open(f) as b:
            return fh.read()

def comprehensions(xs):
    a = [x for x in xs if x]
    b = dict((x, x) for x in xs)
    c = set(x for x in xs)
    d = {x: y for x in xs for y in xs}
    e = {x for x in xs}
    return lambda y, z=1: y + len(a) + z

def compares(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in b, a not in b, a < b < 3)

def slicing(s):
    s[1:2] = s[::2]
    del s[0]
    del s[1:2]
    s[0] += 1
    return s[1:], s[:2], s[1:2:3], s[:], s[...] if 0 else s

def globals_and_unpacking(a):
    global X
    X = X + 1
    p, (q, r) = a
    del X
    return p and q or r

def generator(n):
    for i in range(n):
        x = yield i
        assert x, "message"

def many_constants(flag):
    if flag:
        v = 1000
        v = 1001
        v = 1002
        v = 1003
        v = 1004
        v = 1005
        v = 1006
        v = 1007
        v = 1008
        v = 1009
        v = 1010
        v = 1011
        v = 1012
        v = 1013
        v = 1014
        v = 1015
        v = 1016
        v = 1017
        v = 1018
        v = 1019
        v = 1020
        v = 1021
        v = 1022
        v = 1023
        v = 1024
        v = 1025
        v = 1026
        v = 1027
        v = 1028
        v = 1029
        v = 1030
        v = 1031
        v = 1032
        v = 1033
        v = 1034
        v = 1035
        v = 1036
        v = 1037
        v = 1038
        v = 1039
        v = 1040
        v = 1041
        v = 1042
        v = 1043
        v = 1044
        v = 1045
        v = 1046
        v = 1047
        v = 1048
        v = 1049
        v = 1050
        v = 1051
        v = 1052
        v = 1053
        v = 1054
        v = 1055
        v = 1056
        v = 1057
        v = 1058
        v = 1059
        v = 1060
        v = 1061
        v = 1062
        v = 1063
        v = 1064
        v = 1065
        v = 1066
        v = 1067
        v = 1068
        v = 1069
        v = 1070
        v = 1071
        v = 1072
        v = 1073
        v = 1074
        v = 1075
        v = 1076
        v = 1077
        v = 1078
        v = 1079
        v = 1080
        v = 1081
        v = 1082
        v = 1083
        v = 1084
        v = 1085
        v = 1086
        v = 1087
        v = 1088
        v = 1089
        v = 1090
        v = 1091
        v = 1092
        v = 1093
        v = 1094
        v = 1095
        v = 1096
        v = 1097
        v = 1098
        v = 1099
        v = 1100
        v = 1101
        v = 1102
        v = 1103
        v = 1104
        v = 1105
        v = 1106
        v = 1107
        v = 1108
        v = 1109
        v = 1110
        v = 1111
        v = 1112
        v = 1113
        v = 1114
        v = 1115
        v = 1116
        v = 1117
        v = 1118
        v = 1119
        v = 1120
        v = 1121
        v = 1122
        v = 1123
        v = 1124
        v = 1125
        v = 1126
        v = 1127
        v = 1128
        v = 1129
        v = 1130
        v = 1131
        v = 1132
        v = 1133
        v = 1134
        v = 1135
        v = 1136
        v = 1137
        v = 1138
        v = 1139
        v = 1140
        v = 1141
        v = 1142
        v = 1143
        v = 1144
        v = 1145
        v = 1146
        v = 1147
        v = 1148
        v = 1149
        v = 1150
        v = 1151
        v = 1152
        v = 1153
        v = 1154
        v = 1155
        v = 1156
        v = 1157
        v = 1158
        v = 1159
        v = 1160
        v = 1161
        v = 1162
        v = 1163
        v = 1164
        v = 1165
        v = 1166
        v = 1167
        v = 1168
        v = 1169
        v = 1170
        v = 1171
        v = 1172
        v = 1173
        v = 1174
        v = 1175
        v = 1176
        v = 1177
        v = 1178
        v = 1179
        v = 1180
        v = 1181
        v = 1182
        v = 1183
        v = 1184
        v = 1185
        v = 1186
        v = 1187
        v = 1188
        v = 1189
        v = 1190
        v = 1191
        v = 1192
        v = 1193
        v = 1194
        v = 1195
        v = 1196
        v = 1197
        v = 1198
        v = 1199
        v = 1200
        v = 1201
        v = 1202
        v = 1203
        v = 1204
        v = 1205
        v = 1206
        v = 1207
        v = 1208
        v = 1209
        v = 1210
        v = 1211
        v = 1212
        v = 1213
        v = 1214
        v = 1215
        v = 1216
        v = 1217
        v = 1218
        v = 1219
        v = 1220
        v = 1221
        v = 1222
        v = 1223
        v = 1224
        v = 1225
        v = 1226
        v = 1227
        v = 1228
        v = 1229
        v = 1230
        v = 1231
        v = 1232
        v = 1233
        v = 1234
        v = 1235
        v = 1236
        v = 1237
        v = 1238
        v = 1239
        v = 1240
        v = 1241
        v = 1242
        v = 1243
        v = 1244
        v = 1245
        v = 1246
        v = 1247
        v = 1248
        v = 1249
        v = 1250
        v = 1251
        v = 1252
        v = 1253
        v = 1254
        v = 1255
        v = 1256
        v = 1257
        v = 1258
        v = 1259
        v = 1260
        v = 1261
        v = 1262
        v = 1263
        v = 1264
        v = 1265
        v = 1266
        v = 1267
        v = 1268
        v = 1269
        v = 1270
        v = 1271
        v = 1272
        v = 1273
        v = 1274
        v = 1275
        v = 1276
        v = 1277
        v = 1278
        v = 1279
        v = 1280
        v = 1281
        v = 1282
        v = 1283
        v = 1284
        v = 1285
        v = 1286
        v = 1287
        v = 1288
        v = 1289
        v = 1290
        v = 1291
        v = 1292
        v = 1293
        v = 1294
        v = 1295
        v = 1296
        v = 1297
        v = 1298
        v = 1299
    return v

def dicts_and_sets(a):
    return {"a": 1, "b": a}, {1: a, 2: a}, [a, a], (a, a)

# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
# padding to put the next function past line 1000
def past_line_1000(a):
    b = a
    return b

