import sys, re, collections
b = collections.Counter(); tot = 0
for line in sys.stdin:
    m = re.match(r'\s+([\d.]+)%\s+(\S+)\s+(\[JIT\] tid \d+|\S+)\s+\[(.)\]\s+(.*)', line)
    if not m: continue
    pct, comm, dso, kind, sym = float(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)
    tot += pct
    if kind == 'k': cat = 'kernel'
    elif 'onnxruntime' in dso: cat = 'onnxruntime'
    elif 'jackson' in sym: cat = 'jackson'
    elif 'prometheus' in sym: cat = 'prometheus'
    elif 'io.netty.handler.codec.http' in sym: cat = 'netty-http-codec'
    elif 'io.netty' in sym: cat = 'netty-other'
    elif 'com.jorge' in sym: cat = 'jorge:' + sym.split('(')[0].split()[-1].rsplit('.',2)[-2]
    elif 'java.util.concurrent' in sym: cat = 'j.u.concurrent'
    elif 'libjvm' in dso or 'Interpreter' in sym or 'I2C' in sym or 'vtable' in sym or 'Stub' in sym: cat = 'jvm-runtime/gc/interp'
    elif 'libc' in dso: cat = 'libc'
    else: cat = 'other-java:' + (sym.split('(')[0].split()[-1].rsplit('.',2)[0] if '.' in sym else sym[:30])
    b[(comm, cat)] += pct
for (comm, cat), v in sorted(b.items(), key=lambda x: -x[1])[:40]:
    print(f"{v:6.2f}%  {comm:16} {cat}")
