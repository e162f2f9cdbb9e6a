using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using NUnit.Framework;

namespace IAToolkit.Testing;

/// <summary>Reads what the local smtp4dev received, over its IMAP port (it accepts any login).</summary>
public static class Smtp4devMailbox
{
    /// <summary>The newest message with exactly this subject, waiting up to 10 s for it to arrive.</summary>
    public static Task<MimeMessage> FindAsync(string subject)
        => FindAsync(SearchQuery.SubjectContains(subject), m => m.Subject == subject, $"the subject '{subject}'");

    /// <summary>The newest message with exactly this subject to this address, waiting up to 10 s for it to arrive.</summary>
    public static Task<MimeMessage> FindAsync(string subject, string address)
        => FindAsync(
            SearchQuery.SubjectContains(subject).And(SearchQuery.ToContains(address)),
            m => m.Subject == subject && m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)),
            $"the subject '{subject}' to {address}");

    /// <summary>The newest message to this address, waiting up to 10 s for it to arrive.</summary>
    public static Task<MimeMessage> FindToAsync(string address)
        => FindAsync(SearchQuery.ToContains(address), m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)), $"the recipient {address}");

    /// <summary>
    /// The newest message to this address whose text or HTML body contains <paramref name="text"/>, waiting up to 10 s:
    /// for a shared address (a company's feedback mailbox) where only the content tells one test's mail from another's.
    /// </summary>
    public static Task<MimeMessage> FindToAsync(string address, string text)
        => FindAsync(
            SearchQuery.ToContains(address),
            m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
                && ((m.TextBody?.Contains(text, StringComparison.Ordinal) ?? false) || (m.HtmlBody?.Contains(text, StringComparison.Ordinal) ?? false)),
            $"the recipient {address} and '{text}' in its body");

    /// <summary>How many messages were sent to this address.</summary>
    public static async Task<int> CountToAsync(string address)
    {
        using var client = await OpenAsync();
        var ids = await client.Inbox.SearchAsync(SearchQuery.ToContains(address));
        await client.DisconnectAsync(quit: true);
        return ids.Count;
    }

    /// <summary>The messages whose subject contains <paramref name="marker"/>, to any recipient, in arrival order.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WithSubjectContainingAsync(string marker)
    {
        using var client = await OpenAsync();
        var messages = new List<MimeMessage>();
        foreach (var id in await client.Inbox.SearchAsync(SearchQuery.SubjectContains(marker)))
        {
            messages.Add(await client.Inbox.GetMessageAsync(id));
        }

        await client.DisconnectAsync(quit: true);
        return messages;
    }

    private static async Task<MimeMessage> FindAsync(SearchQuery query, Func<MimeMessage, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using (var client = await OpenAsync())
            {
                var ids = await client.Inbox.SearchAsync(query);
                foreach (var id in ids.Reverse())
                {
                    var message = await client.Inbox.GetMessageAsync(id);
                    if (match(message))
                    {
                        await client.DisconnectAsync(quit: true);
                        return message;
                    }
                }

                await client.DisconnectAsync(quit: true);
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"smtp4dev received no message with {what} within 10 s.");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<ImapClient> OpenAsync()
    {
        var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync(TestServices.SmtpHost, TestServices.SmtpImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync("tests", "tests");
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        return client;
    }
}
