package dev.guichet.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configured IMAP mailboxes with Jakarta Mail (Angus), one thread each: fetches the
 * unseen messages by UID without marking them ({@code mail.imap.peek}), stores each raw in
 * PostgreSQL ({@link InboundQueries#store}, once per Message-ID) and only after that commit flags it
 * {@code \Seen} on the server, then processes what is stored. Then it waits with IMAP IDLE
 * (RFC 2177) when the server offers it and INBOUND_MAIL_IDLE is on, re-polling at least every
 * {@code idleRefresh}; otherwise it sleeps {@code pollInterval}. A failure is logged, recorded on the
 * mailbox (admin page, health check) and retried at the next interval; nothing stops the thread but
 * shutdown. Safe on several replicas: they store each message once and the claim processes it once.
 */
@Singleton
public class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
    /** How often, in milliseconds, the IDLE watchdog checks whether to end the IDLE: a local check, no IMAP traffic. */
    private static final long WAKE_CHECK_MS = 200;

    private final Mailboxes mailboxes;
    private final InboundSettings settings;
    private final InboundQueries store;
    private final InboundProcessor processor;
    private final Counter fetched;
    private final Counter pollErrors;
    private final ConcurrentHashMap<String, Thread> threads = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Store> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inbound-idle-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    MailboxPoller(
            Mailboxes mailboxes,
            InboundSettings settings,
            InboundQueries store,
            InboundProcessor processor,
            MeterRegistry meters) {
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.store = store;
        this.processor = processor;
        this.fetched = Counter.builder("guichet.inbound.fetched")
                .description("Emails fetched from the mailboxes and stored")
                .register(meters);
        this.pollErrors = Counter.builder("guichet.inbound.poll.errors")
                .description("Failed polls of a mailbox")
                .register(meters);
    }

    /** Starts one thread per mailbox when INBOUND_MAIL_ENABLED is on. */
    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        for (Mailbox mailbox : mailboxes.all()) {
            Thread thread = Thread.ofPlatform()
                    .daemon()
                    .name("inbound-" + mailbox.name())
                    .start(() -> run(mailbox));
            threads.put(mailbox.name(), thread);
        }
    }

    /** Stops the threads: an IDLE or a sleep ends at once, a message being processed finishes. */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        threads.values().forEach(Thread::interrupt);
        open.values().forEach(s -> {
            try {
                s.close();
            } catch (MessagingException | RuntimeException ignored) {
                // closing is all we want
            }
        });
        watchdog.shutdownNow();
    }

    private void run(Mailbox mailbox) {
        while (!stopping) {
            Store imap = null;
            Folder folder = null;
            try {
                imap = connect(mailbox);
                open.put(mailbox.name(), imap);
                folder = imap.getFolder(mailbox.folder());
                folder.open(Folder.READ_WRITE);
                // Set by every EXISTS the server sends, whenever it comes: after the search, with the
                // response of another command, or just before the IDLE continuation (which does not
                // end an IDLE of Angus by itself). Cleared before each poll.
                AtomicBoolean arrived = new AtomicBoolean();
                folder.addMessageCountListener(new MessageCountAdapter() {
                    @Override
                    public void messagesAdded(MessageCountEvent e) {
                        arrived.set(true);
                    }
                });
                while (!stopping && folder.isOpen()) {
                    arrived.set(false);
                    pollOnce(mailbox, folder);
                    if (!arrived.get()) {
                        waitForMail(imap, folder, arrived);
                    }
                }
            } catch (Exception | StackOverflowError e) {
                // Nothing but shutdown ends the thread: a mailbox that fails is tried again.
                if (stopping) {
                    break;
                }
                String error = describe(e);
                // With IDLE the poll interval may be long; a broken connection is retried within a minute.
                long retry = Math.min(settings.pollInterval().toMillis(), 60_000);
                LOG.warn("Mailbox {}: poll failed, next try in {} ms: {}", mailbox.name(), retry, error);
                pollErrors.increment();
                try {
                    store.pollFailed(mailbox.name(), error);
                } catch (RuntimeException db) {
                    LOG.warn("Mailbox {}: cannot record the failure: {}", mailbox.name(), db.getMessage());
                }
                sleep(retry);
            } finally {
                open.remove(mailbox.name());
                close(folder, imap);
            }
        }
    }

    /**
     * Stores every unseen message of an open folder, flags each \Seen once stored, records the
     * successful poll and processes what is waiting.
     *
     * @return how many new messages were stored
     */
    int pollOnce(Mailbox mailbox, Folder folder) throws MessagingException {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(unseen, profile);
        int stored = 0;
        for (Message message : unseen) {
            if (stopping) {
                break;
            }
            if (storeOne(mailbox, folder, message)) {
                stored++;
            }
            // Only now, with the message committed in PostgreSQL: a crash before this line fetches it again.
            message.setFlag(Flags.Flag.SEEN, true);
        }
        fetched.increment(stored);
        store.polled(mailbox.name(), stored);
        processor.processPending();
        return stored;
    }

    private boolean storeOne(Mailbox mailbox, Folder folder, Message message) throws MessagingException {
        Long uid = folder instanceof UIDFolder uids ? uids.getUID(message) : null;
        CappedBuffer raw = new CappedBuffer(settings.maxSize());
        try {
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("Cannot read message UID " + uid, e);
        }
        byte[] bytes = raw.bytes();
        // The headers of the bytes stored, not the server's view of them (its envelope may differ).
        jakarta.mail.internet.InternetHeaders headers = headersOf(bytes);
        String messageId = header(headers, "Message-ID");
        if (messageId == null || messageId.isBlank() || messageId.length() > 900) {
            messageId = "<" + sha256(bytes) + "@guichet.invalid>";
        } else {
            messageId = MailParser.oneLine(messageId);
        }
        String subject = header(headers, "Subject");
        String from = header(headers, "From");
        boolean isNew = store.store(
                mailbox.name(),
                messageId,
                uid,
                bytes,
                raw.total(),
                raw.truncated(),
                from == null ? null : decoded(from),
                subject == null ? null : decoded(subject));
        if (raw.truncated()) {
            LOG.warn(
                    "Mailbox {}: message UID {} is {} bytes, over INBOUND_MAIL_MAX_SIZE: kept truncated",
                    mailbox.name(),
                    uid,
                    raw.total());
        }
        if (!isNew) {
            LOG.info("Mailbox {}: message {} (UID {}) already stored, not again", mailbox.name(), messageId, uid);
        }
        return isNew;
    }

    private static jakarta.mail.internet.InternetHeaders headersOf(byte[] raw) {
        try {
            return new jakarta.mail.internet.InternetHeaders(new java.io.ByteArrayInputStream(raw), true);
        } catch (MessagingException | RuntimeException e) {
            return new jakarta.mail.internet.InternetHeaders();
        }
    }

    private static @Nullable String header(jakarta.mail.internet.InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String decoded(String header) {
        try {
            return TextCleaner.truncate(MailParser.oneLine(MimeUtility.decodeText(MimeUtility.unfold(header))), 1000);
        } catch (IOException | RuntimeException e) {
            return TextCleaner.truncate(MailParser.oneLine(header), 1000);
        }
    }

    /**
     * Waits for new mail: with IDLE where offered and asked for, else by sleeping the poll interval.
     * The IDLE ends when the server announces a message (an {@code EXISTS}, which sets
     * {@code arrived}), and at the latest after {@code idleRefresh}, as RFC 2177 asks. Angus ends an
     * IDLE when another thread uses the folder, so a watchdog does that (a NOOP) every
     * {@link #WAKE_CHECK_MS} while a message has arrived and until the poller has seen it: an
     * {@code EXISTS} that comes just before the IDLE starts still wakes it.
     */
    private void waitForMail(Store imap, Folder folder, AtomicBoolean arrived) throws MessagingException {
        if (settings.idle()
                && imap instanceof IMAPStore imapStore
                && imapStore.hasCapability("IDLE")
                && folder instanceof IMAPFolder imapFolder) {
            long refreshAt = System.nanoTime() + settings.idleRefresh().toNanos();
            ScheduledFuture<?> wake = watchdog.scheduleWithFixedDelay(
                    () -> {
                        if (arrived.get() || System.nanoTime() - refreshAt >= 0) {
                            try {
                                imapFolder.getMessageCount();
                            } catch (MessagingException | RuntimeException ignored) {
                                // the poller sees the broken connection itself
                            }
                        }
                    },
                    WAKE_CHECK_MS,
                    WAKE_CHECK_MS,
                    TimeUnit.MILLISECONDS);
            try {
                imapFolder.idle(true);
            } finally {
                wake.cancel(false);
            }
        } else {
            sleep(settings.pollInterval().toMillis());
        }
    }

    /** @return a connected store, its security as the mailbox says (STARTTLS required when asked) */
    Store connect(Mailbox mailbox) throws MessagingException {
        String protocol = mailbox.protocol();
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", mailbox.host());
        p.setProperty(prefix + "port", String.valueOf(mailbox.port()));
        p.setProperty(
                prefix + "connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        p.setProperty(prefix + "timeout", String.valueOf(settings.timeout().toMillis()));
        p.setProperty(prefix + "writetimeout", String.valueOf(settings.timeout().toMillis()));
        p.setProperty(prefix + "peek", "true");
        if ("starttls".equals(mailbox.security())) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (!"none".equals(mailbox.security())) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Store imap = Session.getInstance(p).getStore(protocol);
        imap.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        return imap;
    }

    /**
     * Connects once, stores and processes what is new, and disconnects: what each loop round does,
     * for an admin's "poll now" and for tests.
     *
     * @return how many new messages were stored
     * @throws MessagingException when the mailbox cannot be read (recorded on the mailbox too)
     */
    public int pollNow(Mailbox mailbox) throws MessagingException {
        Store imap = null;
        Folder folder = null;
        try {
            imap = connect(mailbox);
            folder = imap.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            return pollOnce(mailbox, folder);
        } catch (MessagingException | RuntimeException e) {
            store.pollFailed(mailbox.name(), describe(e));
            throw e;
        } finally {
            close(folder, imap);
        }
    }

    private static void close(@Nullable Folder folder, @Nullable Store imap) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // the connection may be gone already
        }
        try {
            if (imap != null) {
                imap.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // same
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** @return the error on one line: the innermost message, without the password (Jakarta Mail never includes it) */
    static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                text = text + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
            }
        }
        return MailParser.oneLine(text);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** An output stream that keeps the first {@code max} bytes and counts the rest. */
    private static final class CappedBuffer extends OutputStream {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private final long max;
        private long total;

        CappedBuffer(long max) {
            this.max = max;
        }

        @Override
        public void write(int b) {
            if (total++ < max) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long room = Math.max(0, max - total);
            kept.write(b, off, (int) Math.min(room, len));
            total += len;
        }

        byte[] bytes() {
            return kept.toByteArray();
        }

        long total() {
            return total;
        }

        boolean truncated() {
            return total > max;
        }
    }

    /** @return the names of the mailboxes this replica polls */
    public List<String> polling() {
        return List.copyOf(threads.keySet());
    }
}
