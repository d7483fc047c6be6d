// An ssl monitor's check: a TLS handshake with host:443 (or the target's port), the certificate's chain
// verified against the trusted authorities, its name against the host, its dates against now and the
// monitor's warning days (rules/certificate.ts says which cause wins).
import { isIP } from "node:net";
import tls from "node:tls";
import { certificateVerdict } from "../rules/certificate.js";
import { hostAndPort } from "../rules/check-target.js";
import { elapsedMs, errorWords, type CheckEnv, type CheckResult, type CheckSpec } from "./check-env.js";

interface Handshake {
  cert: tls.PeerCertificate;
  authorizationError: string | null;
  hostMismatch: string | null;
}

function handshake(host: string, port: number, timeoutMs: number, ca: string[] | undefined): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // SNI takes a name, never an address.
      ...(isIP(host) ? {} : { servername: host }),
      ...(ca ? { ca } : {}),
      // The verdict is ours (an expired or self-signed certificate is a result, not an error).
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`timeout of ${timeoutMs}ms exceeded`));
    }, timeoutMs);
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      const error = socket.authorizationError as unknown;
      const mismatch = cert && cert.raw ? tls.checkServerIdentity(host, cert) : undefined;
      socket.end();
      socket.destroy();
      if (!cert || !cert.valid_to) return reject(new Error("the server sent no certificate"));
      resolve({
        cert,
        authorizationError: error ? String((error as { code?: string }).code ?? error) : null,
        hostMismatch: mismatch ? host : null,
      });
    });
    socket.once("error", (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    });
  });
}

export async function sslCheck(monitor: CheckSpec, env: CheckEnv): Promise<CheckResult> {
  const target = hostAndPort(monitor.target, 443);
  if (!target) return { isUp: false, statusCode: null, responseTimeMs: null, errorMessage: "invalid target host" };
  const started = performance.now();
  try {
    const shake = await handshake(target.host, target.port, monitor.timeoutMs, env.ca);
    const responseTimeMs = elapsedMs(started);
    const verdict = certificateVerdict(
      {
        validFrom: new Date(shake.cert.valid_from),
        validTo: new Date(shake.cert.valid_to),
        authorizationError: shake.authorizationError,
        hostMismatch: shake.hostMismatch,
      },
      env.now(),
      monitor.sslWarningDays,
    );
    return { isUp: verdict.isUp, statusCode: null, responseTimeMs, errorMessage: verdict.cause };
  } catch (error) {
    return { isUp: false, statusCode: null, responseTimeMs: elapsedMs(started), errorMessage: errorWords(error) };
  }
}
