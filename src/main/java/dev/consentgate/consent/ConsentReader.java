package dev.consentgate.consent;

/** One place a visitor's consent can be recorded: the gateway's own cookie, a CMP's cookie, a TCF string. */
public interface ConsentReader {

    /** Short id used in configuration, logs and the consent endpoint ("cg_consent", "onetrust"). */
    String id();

    /** Reads this source from one request. Must not throw on hostile input: report it as Malformed. */
    SourceResult read(ConsentInput input);
}
