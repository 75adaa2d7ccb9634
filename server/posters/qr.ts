// A QR code as inline SVG (qrcode): sharp at any print size, no image file to serve.

/** The SVG markup of a QR code for `text`, with a quiet zone and medium error correction. */
export async function qrSvg(text: string): Promise<string> {
  // Level M survives a smudge or a fold on a poster at a gate; the margin is the quiet zone scanners need.
  // Loaded at the first poster, not at start (docs/benchmarks.md "Starting").
  const { default: QRCode } = await import("qrcode");
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
}
