//! `$BROWSER`, as other terminal tools read it (git, Python's webbrowser, man): a list of
//! commands separated by colons, tried in turn until one starts; in each, `%s` stands for
//! the URL, which is added at the end when the command has none.

use std::process::{Command, Stdio};

/// The commands `$BROWSER` (its value `var`) gives for `url`, each as its words.
pub(crate) fn commands(var: &str, url: &str) -> Vec<Vec<String>> {
    var.split(':')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            let mut words: Vec<String> = c.split_whitespace().map(str::to_owned).collect();
            let has_url = words.iter().any(|w| w.contains("%s"));
            for w in &mut words {
                // `%%` is a percent sign, as in the convention's printf origin.
                *w = w
                    .replace("%%", "\u{0}")
                    .replace("%s", url)
                    .replace('\u{0}', "%");
            }
            if !has_url {
                words.push(url.to_owned());
            }
            words
        })
        .collect()
}

/// Starts the first of `$BROWSER`'s commands that starts, detached from the screen (its
/// input and output go nowhere, so it cannot draw over the browser), and waits for it in
/// a thread of its own. The URL is an argument, never shell text.
pub(crate) fn open(var: &str, url: &str) -> Result<(), String> {
    let mut tried = Vec::new();
    for words in commands(var, url) {
        let Some((program, args)) = words.split_first() else {
            continue;
        };
        match Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(mut child) => {
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => tried.push(format!("{program} ({e})")),
        }
    }
    Err(format!(
        "no command of $BROWSER started: {}",
        if tried.is_empty() {
            "it names none".to_owned()
        } else {
            tried.join(", ")
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_command_gets_the_url_for_its_percent_s_or_at_its_end() {
        let url = "https://example.org/a?b=1";
        assert_eq!(
            commands("firefox --new-tab %s:  : lynx", url),
            [vec!["firefox", "--new-tab", url], vec!["lynx", url],]
        );
        assert_eq!(
            commands("open -a Safari '%s'", url),
            [vec!["open", "-a", "Safari", &format!("'{url}'")]]
        );
        assert_eq!(commands("x 100%% %s", url), [vec!["x", "100%", url]]);
        assert!(commands("", url).is_empty());
    }
}
