namespace IAToolkit.Assistant.Conversations;

/// <summary>Where a question continues from: the turn it follows and the history up to it, oldest first.</summary>
/// <param name="ParentId">The response id the new turn follows.</param>
/// <param name="Depth">The parent's depth (the root has 0).</param>
/// <param name="History">The earlier turns, oldest first.</param>
/// <param name="Stored">Whether the parent is in the database; a conversation a question starts is stored with its
/// first turn, in the same statement, so that a question costs one write.</param>
internal sealed record ConversationState(string ParentId, int Depth, IReadOnlyList<Turn> History, bool Stored = true);
