/**
 * A QR code as an image address, made on the device (offline too). The encoder is loaded with
 * the first paper that has a code, not with the app. '' while it is being made.
 */
import { useEffect, useState } from 'react';

export function useQrCode(text: string): string {
  const [image, setImage] = useState({ text: '', url: '' });
  useEffect(() => {
    if (!text) return;
    let isCurrent = true;
    void import('qrcode')
      // Error correction M survives a smudge on thermal paper; 4 modules of quiet zone is what
      // phone scanners expect around a code on a busy page.
      .then(({ default: QRCode }) =>
        QRCode.toDataURL(text, { margin: 4, width: 320, errorCorrectionLevel: 'M' }),
      )
      .then((url) => {
        if (isCurrent) setImage({ text, url });
      });
    return () => {
      isCurrent = false;
    };
  }, [text]);
  // A code of an earlier text is never shown for this one.
  return image.text === text ? image.url : '';
}
