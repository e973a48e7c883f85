namespace Vigil.Response.Playbooks;

/// <summary>The playbooks that loaded and the problems found; a broken playbook is left out and the others load.</summary>
/// <param name="Playbooks">The valid playbooks, in file and then document order.</param>
/// <param name="Errors">Every problem found.</param>
internal sealed record PlaybookSet(IReadOnlyList<Playbook> Playbooks, IReadOnlyList<ResponseError> Errors);
