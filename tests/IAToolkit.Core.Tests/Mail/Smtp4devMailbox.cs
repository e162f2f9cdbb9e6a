using IAToolkit.Testing;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>Reads what the local smtp4dev received, over its IMAP port (it accepts any login).</summary>
internal static class Smtp4devMailbox
{
    /// <summary>The message with exactly this subject, waiting up to 10 s for it to arrive.</summary>
    public static async Task<MimeMessage> FindAsync(string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var client = new ImapClient { Timeout = 10_000 };
            await client.ConnectAsync(TestServices.SmtpHost, TestServices.SmtpImapPort, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync("tests", "tests");
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var ids = await client.Inbox.SearchAsync(SearchQuery.SubjectContains(subject));
            foreach (var id in ids.Reverse())
            {
                var message = await client.Inbox.GetMessageAsync(id);
                if (message.Subject == subject)
                {
                    await client.DisconnectAsync(quit: true);
                    return message;
                }
            }

            await client.DisconnectAsync(quit: true);
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"smtp4dev received no message with the subject '{subject}' within 10 s.");
            }

            await Task.Delay(250);
        }
    }
}
