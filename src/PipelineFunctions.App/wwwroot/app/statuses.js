// A transcript's status in plain words: what it means, what it waits for and on whom, and what to do when it stopped.
// Shared by the upload, site and overview pages.
const Statuses = (() => {
  const words = {
    Received: ["Received; being read into speaker turns", "the pipeline (a few seconds)"],
    Parsed: ["Read; being pseudonymised", "the pipeline (a few seconds)"],
    Pseudonymised: ["Pseudonymised; code suggestions are being made", "the pipeline (a few seconds)"],
    AwaitingTranslationCheck: ["Waiting for its partner: a source waits for its translation, a translation for its source", "the site: upload the other half of the pair"],
    AwaitingTranslationReview: ["Paired and checked by the app; waiting for the translation lead", "the translation lead"],
    TranslationQueried: ["The translation lead raised points on the translation", "the site: answer the points or upload a corrected translation"],
    TranslationApproved: ["Translation approved; the source rests here and its translation is coded", "nobody"],
    SuggestionsReady: ["Ready for coding, with code suggestions", "the coders"],
    Rejected: ["Rejected: the file cannot be used as it is", "the site: fix the file and upload it again"],
    Failed: ["Failed in a pipeline step, several times", "the admin: the step can be replayed from the status page"],
    Superseded: ["Replaced by a corrected translation", "nobody"],
  };
  // What to do about a rejection, by its reason (the API's RejectionReason).
  const advice = {
    Empty: "The file is empty: export the transcript again and upload that file.",
    TooLarge: "The file is over the size limit: split the transcript, or save it as plain text, and upload again.",
    UnknownFormat: "The app reads .txt, .docx, .odt, .rtf, .pdf (with text), .vtt and .srt: save the transcript as one of these.",
    BinaryContent: "The file is not text: save the transcript as .docx or .txt and upload again.",
    InvalidEncoding: "The text is not in a known encoding: save it as UTF-8 text (Save as… → Encoding: UTF-8).",
    ZipBomb: "The document unpacks to far more than it holds: save it again from the word processor.",
    CorruptDocument: "The document is damaged or locked: open it, save a fresh copy (without a password) and upload that.",
    UnsafeFileName: "Rename the file to letters, digits, dots and dashes, then upload again.",
    NoSpeakerTurns: "No speaker turns were found: start each turn with the speaker and a colon (Interviewer: …, P3: …).",
    NoTextLayer: "The PDF is a scan without text: run text recognition (OCR) first, or upload the Word file.",
  };
  const final = new Set(["AwaitingTranslationReview", "TranslationQueried", "TranslationApproved", "SuggestionsReady", "Rejected", "Failed", "Superseded"]);
  const bad = new Set(["Rejected", "Failed"]);
  // An original whose translation has not come: said in its own words, with the two ways on.
  const awaitsTranslation = t => t.status === "AwaitingTranslationCheck" && !t.translationOf && t.role !== "translation";
  const waitingOriginal = ["Waiting for its English translation: nothing happens until one is uploaded",
    "the site: upload the English translation, or choose to code it in its own language"];
  return {
    awaitsTranslation,
    /** The words for one transcript: its status, and what it waits for and on whom. */
    forTranscript: t => awaitsTranslation(t) ? waitingOriginal : words[t.status] ?? [t.status, ""],
    describe: status => (words[status] ?? [status, ""])[0],
    waitsOn: status => (words[status] ?? ["", ""])[1],
    advice: (status, reason) => status === "Failed" ? "Nothing for you to do: the admin is told and can replay the step." : advice[reason] ?? (status === "Rejected" ? "Fix the file and upload it again." : ""),
    isFinal: status => final.has(status),
    isBad: status => bad.has(status),
    className: status => bad.has(status) ? "status-bad" : final.has(status) ? "status-ok" : "status-wait",
    all: Object.keys(words),
  };
})();
