package com.justelegance.privacy.disclosure.domain;

/**
 * What a notice tells the recipient. Erasure, rectification and restriction are the Art. 19 notices; a removal
 * notice follows a withdrawn or refused consent the recipient's uploads rested on.
 */
public enum NoticeKind {
    /** The subject's data was erased (Art. 17): erase it too. Its request id is the erasure request's. */
    ERASURE,
    /** Data of the notice's categories was corrected (Art. 16). Its request id is the rectification request's. */
    RECTIFICATION,
    /**
     * The subject withdrew, objected to or refused the consent the recipient's audience uploads rested on: remove
     * the subject from them. Its request id is consent-service's decision id; its references are the upload ids.
     */
    REMOVAL,
    /**
     * The processing of the subject's data is restricted (Art. 18): store it, use it for nothing else. Its request
     * id is the restriction request's.
     */
    RESTRICTION
}
