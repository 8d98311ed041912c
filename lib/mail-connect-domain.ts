/** The construct's import path of earlier versions, kept for apps that deep-import it: see construct/mail-connect-domain.ts. */
export * from "./construct/mail-connect-domain";
