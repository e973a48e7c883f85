namespace Vigil.Response.Playbooks;

/// <summary>One step of a playbook.</summary>
/// <param name="Id">The id, unique within the playbook.</param>
/// <param name="Action">What it does.</param>
/// <param name="Target">What it acts on.</param>
/// <param name="When">The condition under which it runs, if any.</param>
/// <param name="With">Extra string parameters for the action.</param>
/// <param name="Undo">The reversing action, for reversible actions.</param>
/// <param name="Irreversible">Whether the playbook states that the action cannot be undone.</param>
/// <param name="Line">The line the step starts on.</param>
internal sealed record PlaybookStep(
    string Id,
    ResponseAction Action,
    TargetTemplate Target,
    StepCondition? When,
    IReadOnlyDictionary<string, string> With,
    ResponseAction? Undo,
    bool Irreversible,
    int Line);
