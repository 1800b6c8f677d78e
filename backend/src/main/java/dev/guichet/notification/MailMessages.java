package dev.guichet.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The wording of notification emails, from {@code mail/messages.properties} (French, the default)
 * and {@code mail/messages_en.properties}, formatted with {@link MessageFormat} in the recipient's
 * locale. Serves Thymeleaf's {@code #{…}} expressions and the subject line. No fallback to the JVM's
 * default locale: a locale without its own file gets French. Texts use the typographic apostrophe
 * (’) because MessageFormat treats {@code '} as a quote.
 */
final class MailMessages implements IMessageResolver {

    private static final String BUNDLE = "mail.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * @return the message {@code key} in {@code locale}, with {@code params} substituted ({@code {0}}, {@code {1}}…)
     * @throws MissingResourceException when the key exists in no bundle
     */
    String get(Locale locale, String key, Object... params) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
        return new MessageFormat(pattern, locale).format(params);
    }

    @Override
    public String getName() {
        return "guichet-mail";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        try {
            return get(context.getLocale(), key, messageParameters == null ? new Object[0] : messageParameters);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        // Fail loudly: a missing text must break the tests, not reach a mailbox as "??key??".
        throw new IllegalStateException("No mail message '" + key + "' for locale " + context.getLocale());
    }
}
