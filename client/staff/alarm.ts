// Getting a busy sampler's attention when they are called (docs/api.md C8): vibration and a short
// tone where the phone allows; a banner in every case, since either may be switched off.
let audio: AudioContext | undefined;

/** Browsers allow sound only after a tap; the first tap anywhere unlocks it. */
export function unlockSound(): void {
  const unlock = () => {
    try {
      audio ??= new AudioContext();
      void audio.resume();
    } catch {
      // No Web Audio on this phone: the vibration and the banner remain.
    }
  };
  addEventListener("pointerdown", unlock, { once: true });
}

export function ring(): void {
  try {
    navigator.vibrate?.([300, 150, 300, 150, 600]);
  } catch {
    // Vibration refused (desktop, or not allowed): nothing to do.
  }
  if (!audio || audio.state !== "running") return;
  for (const [i, freq] of [880, 660, 880].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    const at = audio.currentTime + i * 0.25;
    osc.start(at);
    osc.stop(at + 0.2);
  }
}
