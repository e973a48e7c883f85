namespace Vigil.Cli.Workspaces;

/// <summary>The files <c>vigil init</c> writes besides the shipped rules and models: a small example context to edit.</summary>
internal static class WorkspaceTemplates
{
    /// <summary>Gets the files, by path relative to the workspace.</summary>
    public static IReadOnlyList<(string Path, string Content)> Files { get; } =
    [
        ("README.md", """
            # Vigil workspace

            A folder the organisation keeps in git: what Vigil detects with and what it knows about the organisation.
            `vigil validate .` checks all of it; `vigil hunt <logs> --workspace .` runs it.

            | Folder | Holds | Docs |
            |---|---|---|
            | `rules/` | Sigma rules (the starter set; add yours and SigmaHQ's) | docs/sigma.md |
            | `models/` | behavioural model settings, one YAML file per model, and `scoring.yaml` | docs/models.md |
            | `context/` | assets, identities, indicators, maintenance windows, approved privileged access (examples: replace them) | docs/context.md |
            | `playbooks/`, `policy/` | response playbooks and decision rights (coming with governed response) | |

            """),
        ("context/assets.csv", """
            name,fqdn,ip,owner,business_unit,criticality,tags,type
            DC01,dc01.corp.example,10.0.0.10,it-infrastructure,IT,critical,domain-controller,server
            JUMP01,jump01.corp.example,10.0.0.5,it-infrastructure,IT,high,jump-host,server
            WS-0001,ws-0001.corp.example,10.0.10.21,finance,Finance,medium,,workstation
            Office LAN,,10.0.10.0/24,it-infrastructure,IT,medium,office,network

            """),
        ("context/identities.yaml", """
            # Every form a person's name takes in the logs resolves to one id (docs/context.md).
            domains: [CORP, corp.example]
            identities:
              - id: jdoe
                display_name: Jane Doe
                business_unit: Finance
                peer_group: finance-analysts
                sam: jdoe
                upn: jdoe@corp.example
                groups: [Finance]
              - id: adm-jdoe
                display_name: Jane Doe (administrator)
                business_unit: IT
                peer_group: it-admins
                groups: [IT Admins]
                privileged: true
              - id: svc-backup
                display_name: Backup service
                peer_group: service-accounts
                groups: [Service Accounts]

            """),
        ("context/indicators.csv", """
            type,value,confidence,source,valid_from,valid_until,attack,description

            """),
        ("context/maintenance.yaml", """
            # Maintenance windows lower what the behavioural models report about the hosts they cover (docs/models.md).
            windows:
              - name: patch-night
                cron: "0 1 * * 3"
                duration: 4h
                assets: [type:server]
                users: [IT Admins]
                description: Weekly patching

            """),
        ("context/privileged-access.yaml", """
            # Approved privileged-access patterns lower what matches them (docs/models.md).
            approved:
              - name: admins-via-jump-host
                users: [group:IT Admins]
                from: [tag:jump-host]
                to: [type:server]
                description: Administration goes through JUMP01

            """),
        ("owners.yaml", """
            # Who owns each piece of detection content, and how often it is reviewed. 'match' is rule:<id or title>
            # or model:<name>, with * as a wildcard; the first entry that matches names the owner.
            owners:
              - match: "model:*"
                owner: Detection Engineering
                contact: detection@example.org
                review: monthly
              - match: "rule:*"
                owner: Security Operations
                contact: soc@example.org
                review: quarterly
            """),
        ("pilot.yaml", """
            # The pilot, judged against exit criteria set before it starts. 'baseline' is what was measured before Vigil;
            # 'targets' are the exit criteria. Metrics: mttd_hours, mtta_hours, mttr_hours, false_positive_rate (0-1),
            # automation_rate (0-1), analyst_alerts_per_day.
            name: SOC automation pilot
            owner: Head of Security Operations
            start: 2027-01-04
            end: 2027-03-26
            baseline:
              mttd_hours: 30
              mttr_hours: 72
              false_positive_rate: 0.6
            targets:
              mttd_hours: 4
              mttr_hours: 24
              false_positive_rate: 0.25
              automation_rate: 0.3
            """),
        (".gitignore", """
            # vigil serve keeps its store here: events, alerts, API key hashes. Not content: keep it out of git.
            .vigil/
            """),
        ("playbooks/README.md", "Response playbooks (YAML), checked by vigil validate; see docs/response.md. Nothing executes them yet: `vigil policy explain` shows what they would do and under which decision.\n"),
        ("policy/README.md", "Decision rights (decision-rights.yaml): for every action, autonomous, approval or forbidden; see docs/response.md.\n"),
    ];
}
