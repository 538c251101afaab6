//! `a` in the sources view: the path of a page saved from a web browser, typed (or pasted)
//! in the status line; Enter archives its article as `dateline add source --from-page` does
//! (`write::archive_page`, the same rules). On a source without an archive, the archive
//! becomes that source's; on one that has one (or with no source under the cursor), the page
//! becomes a new source. The write runs as an effect; the status line then says what was
//! written and where.

use crate::model::SourceIx;
use crate::sanitize::sanitize;
use crate::tui::app::{App, Overlay};
use crate::tui::input::action::Action;
use crate::tui::overlays::prompt_input;
use crate::tui::update::share::Effect;
use crate::write::PageInto;
use ratatui::text::Span;
use std::path::{Path, PathBuf};

/// The prompt: what was typed, and the source whose archive the page becomes (None: a new
/// source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PagePrompt {
    pub(crate) input: String,
    pub(crate) source: Option<String>,
}

/// `a` on source `on` (None: no source under the cursor).
pub(crate) fn start(app: &mut App, on: Option<SourceIx>) {
    if !crate::tui::update::write::writable(app) {
        return;
    }
    let source = on
        .map(|s| &app.log.sources[s])
        .filter(|s| s.archive.is_none())
        .map(|s| s.id.clone());
    app.overlays.push(Overlay::PagePath(PagePrompt {
        input: String::new(),
        source,
    }));
}

/// The prompt in the status line, in `room` columns.
pub(crate) fn prompt_line(app: &App, p: &PagePrompt, room: usize) -> Vec<Span<'static>> {
    let line = prompt_input::echo(&app.theme, "page: ", &p.input, room).to_vec();
    let into = match &p.source {
        Some(id) => format!("as the archive of {}", sanitize(id)),
        None => "as a new source".to_owned(),
    };
    let helps = vec![
        format!("  a page saved as HTML, archived {into} · Enter archives · Esc cancels"),
        format!("  a saved page, archived {into}"),
        format!("  {into}"),
        String::new(),
    ];
    prompt_input::with_help(&app.theme, line, helps, room)
}

pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::PagePath(p)) = app.overlays.last_mut() else {
        return;
    };
    match action {
        Action::Input(c) => {
            prompt_input::type_char(&mut p.input, c, &mut app.message);
        }
        Action::DeleteChar => {
            p.input.pop();
        }
        Action::Back => {
            app.overlays.pop();
        }
        Action::Open => {
            let p = p.clone();
            app.overlays.pop();
            let home = std::env::var_os("HOME").map(PathBuf::from);
            let Some(page) = expand(&p.input, home.as_deref()) else {
                app.message = Some("no page given: type the path of a page saved as HTML".into());
                return;
            };
            let into = match p.source {
                Some(id) => PageInto::Source(id),
                None => PageInto::NewSource {
                    id: None,
                    outlet: None,
                },
            };
            app.message = Some(format!(
                "archiving {}…",
                sanitize(&page.display().to_string())
            ));
            app.effects.push(Effect::ArchivePage {
                page,
                into,
                log: app.log.clone(),
            });
        }
        _ => {}
    }
}

/// The path typed: quotes a terminal puts round a dropped file taken off, `~` for the home
/// folder; None when nothing was typed.
pub(crate) fn expand(typed: &str, home: Option<&Path>) -> Option<PathBuf> {
    let mut s = typed.trim();
    for q in ['\'', '"'] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            s = &s[1..s.len() - 1];
        }
    }
    if s.is_empty() {
        return None;
    }
    match (s.strip_prefix('~'), home) {
        (Some(""), Some(h)) => Some(h.to_path_buf()),
        (Some(rest), Some(h)) if rest.starts_with('/') => Some(h.join(&rest[1..])),
        _ => Some(PathBuf::from(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_is_the_home_folder_and_quotes_round_a_dropped_file_go() {
        let home = Path::new("/home/ana");
        let e = |s: &str| expand(s, Some(home));
        assert_eq!(e("~/Downloads/a.html"), Some(home.join("Downloads/a.html")));
        assert_eq!(e(" '/tmp/My page.html' "), Some("/tmp/My page.html".into()));
        assert_eq!(e("\"~/x.html\""), Some(home.join("x.html")));
        assert_eq!(e("~bob/x.html"), Some("~bob/x.html".into()));
        assert_eq!(expand("~/x.html", None), Some("~/x.html".into()));
        assert_eq!(e("  "), None);
    }
}
