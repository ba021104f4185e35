// A real Bluesky PDS on loopback for Safepost's Bluesky tests, with the two things a PDS needs
// around it and that a test machine does not have:
//
// * a tiny PLC directory (accounts' DID documents): it accepts POST /:did operations and serves
//   GET /:did, /:did/data, /:did/log, /:did/log/last and /:did/log/audit, all in memory;
// * a recorder standing in for the Bluesky app view and moderation service, which the PDS
//   forwards mutes (app.bsky.graph.muteActor) and reports (com.atproto.moderation.createReport)
//   to. It answers like those services and lists what it received at GET /_recorded.
//
// Usage: node run-pds.mjs <data-directory>
// Prints one JSON line when ready: {"pds": url, "plc": url, "services": url, "adminPassword": ...}
// and runs until stdin closes or it gets SIGTERM/SIGINT, so a test run that dies cannot leave it
// behind. Everything listens on 127.0.0.1, on ports the system picks.
import { createServer } from 'node:http'
import net from 'node:net'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'

const require = createRequire(import.meta.url)
const plc = require('@did-plc/lib')
const { cidForCbor } = require('@atproto/common')
const { Secp256k1Keypair } = require('@atproto/crypto')
const pds = await import('@atproto/pds')

const dataDir = process.argv[2]
if (!dataDir) {
  console.error('usage: node run-pds.mjs <data-directory>')
  process.exit(2)
}
mkdirSync(dataDir, { recursive: true })

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)))

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

// --- the PLC directory --------------------------------------------------------------------
const operations = new Map() // did -> [{ operation, cid, createdAt }]

const plcServer = createServer(async (req, res) => {
  try {
    const path = new URL(req.url, 'http://plc').pathname
    if (path === '/_health') return send(res, 200, { version: 'safepost-test-plc' })
    const [, did, ...rest] = decodeURIComponent(path).split('/')
    if (req.method === 'POST' && rest.length === 0) {
      const operation = JSON.parse(await readBody(req))
      const log = operations.get(did) ?? []
      log.push({ operation, cid: (await cidForCbor(operation)).toString(), createdAt: new Date().toISOString() })
      operations.set(did, log)
      return send(res, 200, {})
    }
    const log = operations.get(did)
    if (!log) return send(res, 404, { message: `DID not registered: ${did}` })
    const last = log[log.length - 1].operation
    const data = plc.opToData(did, last)
    const sub = rest.join('/')
    if (sub === '') return send(res, 200, plc.formatDidDoc(data))
    if (sub === 'data') return send(res, 200, data)
    if (sub === 'log') return send(res, 200, log.map((e) => e.operation))
    if (sub === 'log/last') return send(res, 200, last)
    if (sub === 'log/audit') {
      return send(res, 200, log.map((e) => ({ did, operation: e.operation, cid: e.cid, nullified: false, createdAt: e.createdAt })))
    }
    return send(res, 404, { message: 'not found' })
  } catch (err) {
    return send(res, 400, { message: String(err) })
  }
})

// --- the app view / moderation recorder ---------------------------------------------------
const recorded = []
const servicesServer = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://services')
  if (url.pathname === '/_recorded') return send(res, 200, recorded)
  const nsid = url.pathname.replace(/^\/xrpc\//, '')
  const body = req.method === 'POST' ? await readBody(req) : ''
  const input = body ? JSON.parse(body) : null
  recorded.push({ nsid, input, params: Object.fromEntries(url.searchParams), authorised: Boolean(req.headers.authorization) })
  if (nsid === 'com.atproto.moderation.createReport') {
    return send(res, 200, { id: recorded.length, ...input, reportedBy: 'did:example:reporter', createdAt: new Date().toISOString() })
  }
  if (req.method === 'POST') return send(res, 200, {})
  return send(res, 501, { error: 'MethodNotImplemented', message: `${nsid} is not served by the test services` })
})

const plcPort = await listen(plcServer)
const servicesPort = await listen(servicesServer)
const plcUrl = `http://127.0.0.1:${plcPort}`
// the PDS fetches these by host name only (never an IP address), hence localhost
const servicesUrl = `http://localhost:${servicesPort}`

// --- the PDS ------------------------------------------------------------------------------
const portServer = createServer()
const pdsPort = await listen(portServer) // reserve a free port, then hand it to the PDS
await new Promise((resolve) => portServer.close(resolve))

const rotationKey = await Secp256k1Keypair.create({ exportable: true })
const recoveryKey = await Secp256k1Keypair.create()
const adminPassword = randomBytes(12).toString('hex')
const env = {
  devMode: true,
  port: pdsPort,
  hostname: 'localhost',
  dataDirectory: dataDir,
  blobstoreDiskLocation: join(dataDir, 'blobs'),
  didPlcUrl: plcUrl,
  serviceHandleDomains: ['.test'],
  recoveryDidKey: recoveryKey.did(),
  jwtSecret: randomBytes(16).toString('hex'),
  adminPassword,
  plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotationKey.export()).toString('hex'),
  inviteRequired: false,
  rateLimitsEnabled: false,
  disableSsrfProtection: true,
  bskyAppViewUrl: servicesUrl,
  bskyAppViewDid: 'did:example:appview',
  modServiceUrl: servicesUrl,
  modServiceDid: 'did:example:moderation',
  crawlers: [],
}
// The PDS listens on every interface by default; keep it on loopback.
const listenAnywhere = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1')
  }
  return listenAnywhere.apply(this, args)
}
const cfg = pds.envToCfg(env)
const secrets = pds.envToSecrets(env)
const server = await pds.PDS.create(cfg, secrets)
await server.start()

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  try {
    await server.destroy()
  } finally {
    plcServer.close()
    servicesServer.close()
    process.exit(0)
  }
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()

process.stdout.write(
  JSON.stringify({ pds: `http://localhost:${pdsPort}`, plc: plcUrl, services: servicesUrl, adminPassword }) + '\n',
)
