namespace Vigil.Simulation.Organization;

/// <summary>First and last names people are made of (ASCII, without apostrophes, so every form of a name is plain).</summary>
internal static class NameBank
{
    /// <summary>First names.</summary>
    public static readonly IReadOnlyList<string> First =
    [
        "Aaron", "Abigail", "Adam", "Adrian", "Aisha", "Alan", "Alex", "Alice", "Amelia", "Amir", "Amy", "Andrew", "Angela", "Anna",
        "Arjun", "Ava", "Ben", "Beth", "Bilal", "Brian", "Caroline", "Catherine", "Charles", "Chloe", "Chris", "Claire", "Daniel",
        "David", "Deepa", "Diana", "Dylan", "Eleanor", "Elena", "Eliza", "Emily", "Emma", "Eric", "Ethan", "Fatima", "Fiona", "Frank",
        "Gareth", "George", "Grace", "Hannah", "Harry", "Helen", "Henry", "Ian", "Imran", "Isabel", "Jack", "Jacob", "James", "Jane",
        "Jasmine", "Jason", "Jessica", "Joanna", "John", "Jonathan", "Joseph", "Julia", "Karen", "Kate", "Kevin", "Laura", "Leo",
        "Liam", "Lily", "Lucy", "Mark", "Martin", "Mary", "Matthew", "Maya", "Megan", "Michael", "Mina", "Mohammed", "Naomi", "Nathan",
        "Nicola", "Noah", "Oliver", "Olivia", "Omar", "Oscar", "Patrick", "Paul", "Peter", "Priya", "Rachel", "Rebecca", "Richard",
        "Robert", "Rohan", "Ruth", "Ryan", "Samuel", "Sara", "Sean", "Simon", "Sofia", "Sophie", "Stephen", "Susan", "Thomas", "Tom",
        "Victoria", "William", "Yusuf", "Zara", "Zoe",
    ];

    /// <summary>Last names.</summary>
    public static readonly IReadOnlyList<string> Last =
    [
        "Adams", "Ahmed", "Ali", "Allen", "Anderson", "Bailey", "Baker", "Barnes", "Bell", "Bennett", "Brooks", "Brown", "Burke",
        "Butler", "Campbell", "Carter", "Chen", "Clarke", "Cole", "Collins", "Cook", "Cooper", "Cox", "Davies", "Davis", "Dixon", "Doe",
        "Edwards", "Ellis", "Evans", "Fisher", "Fleming", "Foster", "Fox", "Garcia", "Gibson", "Gill", "Graham", "Grant", "Gray",
        "Green", "Griffiths", "Hall", "Harris", "Harrison", "Hart", "Hayes", "Hill", "Holmes", "Hughes", "Hunt", "Hussain", "Iqbal",
        "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly", "Kennedy", "Khan", "Kim", "King", "Knight", "Lee", "Lewis",
        "Lloyd", "Lopez", "Marshall", "Martin", "Mason", "Matthews", "Miller", "Mills", "Mitchell", "Moore", "Morgan", "Morris",
        "Murphy", "Murray", "Nguyen", "Noor", "Owen", "Palmer", "Parker", "Patel", "Pearce", "Perry", "Phillips", "Powell", "Price",
        "Rahman", "Reid", "Reynolds", "Richards", "Roberts", "Robinson", "Rogers", "Rose", "Ross", "Russell", "Scott", "Shah", "Sharma",
        "Shaw", "Simpson", "Singh", "Smith", "Spencer", "Stevens", "Stewart", "Stone", "Sullivan", "Taylor", "Thomas", "Thompson",
        "Turner", "Walker", "Wallace", "Walsh", "Ward", "Watson", "Webb", "Wells", "West", "White", "Wilkinson", "Williams", "Wilson",
        "Wood", "Wright", "Young", "Zhang",
    ];
}
