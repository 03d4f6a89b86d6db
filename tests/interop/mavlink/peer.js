// Independent MAVLink peer for DxGeo's conformance tests and benchmarks, built on node-mavlink + mavlink-mappings.
//   node peer.js decode [--key HEX]   stdin: one hex chunk per line (any bytes; frames are found by node's splitter)
//                                     stdout: one JSON object per frame found
//   node peer.js encode               stdin: one JSON message per line {msgid, sysid, compid, seq, v1?, fields, sign?}
//                                     (sign: {key: HEX, linkId, timestamp: 10-µs units since 2015}); stdout: hex per line
//   node peer.js bench-encode N | bench-decode N   timings of node-mavlink itself (JSON on stdout)
//   node peer.js defs                 message definitions (id, name, crc_extra, fields with offsets) for the layout tests
// Field names are the common.xml (snake_case) names; 64-bit integers travel as decimal strings.
const readline = require('readline');
const { Readable } = require('stream');
const m = require('node-mavlink');

const REGISTRY = { ...m.minimal.REGISTRY, ...m.common.REGISTRY, ...m.ardupilotmega.REGISTRY };
const mode = process.argv[2];
const keyArg = process.argv.indexOf('--key');
const key = keyArg > 0 ? Buffer.from(process.argv[keyArg + 1], 'hex') : null;

const toJson = v => typeof v === 'bigint' ? v.toString() : Array.isArray(v) ? v.map(toJson) : v;

function fieldsOf(packet) {
  const clazz = REGISTRY[packet.header.msgid];
  if (!clazz) return null;
  const data = packet.protocol.data(packet.payload, clazz);
  const out = {};
  for (const f of clazz.FIELDS) out[f.source] = toJson(data[f.name]);
  return out;
}

function describe(packet) {
  const r = {
    msgid: packet.header.msgid, sysid: packet.header.sysid, compid: packet.header.compid, seq: packet.header.seq,
    version: packet.header.magic === 0xFD || packet.protocol instanceof m.MavLinkProtocolV2 ? 2 : 1,
    len: packet.header.payloadLength, fields: fieldsOf(packet),
  };
  if (packet.signature) {
    r.signed = true;
    r.linkId = packet.signature.linkId;
    r.timestamp = packet.signature.timestamp;
    if (key) r.signatureOk = packet.signature.matches(key);
  }
  return r;
}

function encodeOne(msg) {
  const clazz = REGISTRY[msg.msgid];
  if (!clazz) throw new Error(`unknown msgid ${msg.msgid}`);
  const data = new clazz();
  for (const f of clazz.FIELDS) {
    if (!(f.source in msg.fields)) continue;
    let v = msg.fields[f.source];
    if (f.type.startsWith('uint64_t') || f.type.startsWith('int64_t'))
      v = Array.isArray(v) ? v.map(x => BigInt(x)) : BigInt(v);
    data[f.name] = v;
  }
  const signed = !!msg.sign;
  const protocol = msg.v1
    ? new m.MavLinkProtocolV1(msg.sysid, msg.compid)
    : new m.MavLinkProtocolV2(msg.sysid, msg.compid, signed ? m.MavLinkProtocolV2.IFLAG_SIGNED : 0, 0);
  let buf = protocol.serialize(data, msg.seq ?? 0);
  if (signed) {
    buf = Buffer.concat([buf, Buffer.alloc(m.MavLinkPacketSignature.SIGNATURE_LENGTH)]);
    const s = new m.MavLinkPacketSignature(buf);
    s.linkId = msg.sign.linkId;
    s.timestamp = msg.sign.timestamp;
    s.signature = s.calculate(Buffer.from(msg.sign.key, 'hex'));
  }
  return buf;
}

async function decode() {
  const lines = readline.createInterface({ input: process.stdin });
  const chunks = [];
  for await (const line of lines) if (line.trim()) chunks.push(Buffer.from(line.trim(), 'hex'));
  const splitter = new m.MavLinkPacketSplitter();
  const stream = Readable.from(chunks).pipe(splitter).pipe(new m.MavLinkPacketParser());
  const out = [];
  for await (const packet of stream) out.push(JSON.stringify(describe(packet)));
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
  process.stderr.write(JSON.stringify({ valid: splitter.validPackages, invalid: splitter.invalidPackages,
    unknown: splitter.unknownPackagesCount }) + '\n');
}

async function encode() {
  const lines = readline.createInterface({ input: process.stdin });
  const out = [];
  for await (const line of lines) if (line.trim()) out.push(encodeOne(JSON.parse(line)).toString('hex'));
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
}

function defs() {
  const ids = process.argv.slice(3).map(Number);
  const out = ids.map(id => {
    const c = REGISTRY[id];
    return c && { id, name: c.MSG_NAME, crcExtra: c.MAGIC_NUMBER, length: c.PAYLOAD_LENGTH,
      fields: c.FIELDS.map(f => ({ name: f.source, type: f.type, offset: f.offset, arrayLength: f.length, extension: f.extension })) };
  });
  process.stdout.write(JSON.stringify(out) + '\n');
}

// Benchmarks: the same GLOBAL_POSITION_INT / MISSION_ITEM_INT mix DxGeo's suite times.
function sampleMessages() {
  const gp = new m.common.GlobalPositionInt();
  Object.assign(gp, { timeBootMs: 123456, lat: 356812362, lon: 1397671248, alt: 40000, relativeAlt: 30000, vx: 120, vy: -40, vz: 3, hdg: 9000 });
  const it = new m.common.MissionItemInt();
  Object.assign(it, { param1: 0, param2: 2, param3: 0, param4: NaN, x: 356812362, y: 1397671248, z: 45.5, seq: 17, command: 16,
    targetSystem: 1, targetComponent: 1, frame: 6, current: 0, autocontinue: 1, missionType: 0 });
  return [gp, it];
}

function benchEncode(n) {
  const protocol = new m.MavLinkProtocolV2(255, 190);
  const msgs = sampleMessages();
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) bytes += protocol.serialize(msgs[i & 1], i & 255).length;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ frames: n, seconds: s, bytes }) + '\n');
}

async function benchDecode(n) {
  const protocol = new m.MavLinkProtocolV2(1, 1);
  const msgs = sampleMessages();
  const one = Buffer.concat(Array.from({ length: 1000 }, (_, i) => protocol.serialize(msgs[i & 1], i & 255)));
  const chunks = Array.from({ length: Math.ceil(n / 1000) }, () => one);
  const t0 = process.hrtime.bigint();
  const stream = Readable.from(chunks).pipe(new m.MavLinkPacketSplitter()).pipe(new m.MavLinkPacketParser());
  let frames = 0;
  for await (const packet of stream) {
    const clazz = REGISTRY[packet.header.msgid];
    packet.protocol.data(packet.payload, clazz);
    frames++;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ frames, seconds: s }) + '\n');
}

const run = { decode, encode, defs, 'bench-encode': () => benchEncode(Number(process.argv[3])),
  'bench-decode': () => benchDecode(Number(process.argv[3])) }[mode];
if (!run) { process.stderr.write(`usage: node peer.js decode|encode|defs|bench-encode N|bench-decode N\n`); process.exit(2); }
Promise.resolve(run()).catch(e => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
