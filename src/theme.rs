//! Light, dark or the system's choice, remembered across visits (localStorage).

use yew::prelude::*;

const KEY: &str = "explorer-theme";

/// The page's localStorage, if the browser grants it (private modes and some file:// pages
/// do not).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn load() -> Theme {
        match storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .as_deref()
        {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Applies the theme to the root element (`data-theme`); "system" removes it so the
/// stylesheet follows `prefers-color-scheme`.
fn apply(theme: Theme) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.name()),
        };
    }
}

/// Before it has read the stored choice (the first render, which must match the pre-rendered
/// page), the button shows "system" and is disabled.
#[component]
pub fn ThemeToggle() -> Html {
    let theme = use_state(|| None::<Theme>);
    {
        let theme = theme.clone();
        use_effect_with((), move |_| theme.set(Some(Theme::load())));
    }
    use_effect_with(*theme, |&t| {
        if let Some(t) = t {
            apply(t);
        }
    });
    let current = theme.unwrap_or(Theme::System);
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = current.next();
            // Storage can be unavailable (private mode, file://): the choice then lasts the visit.
            if let Some(s) = storage() {
                let _ = s.set_item(KEY, next.name());
            }
            theme.set(Some(next));
        })
    };
    let (icon, label) = match current {
        Theme::System => ("◐", "Theme: system"),
        Theme::Light => ("☀", "Theme: light"),
        Theme::Dark => ("☾", "Theme: dark"),
    };
    html! {
        <button type="button" class="icon-button theme-toggle" {onclick} disabled={theme.is_none()}
            aria-label={label} title={format!("{label} (click to change)")}>
            <span aria-hidden="true">{ icon }</span>
        </button>
    }
}
