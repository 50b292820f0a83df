package io.sitedeck.annotations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The layout's Views menu, read at most once per request. */
@Named("views")
@RequestScoped
public class ViewsMenu {

    private final Views views;
    private List<SavedView> menu;

    ViewsMenu(Views views) {
        this.views = views;
    }

    public List<SavedView> menu() {
        if (menu == null) {
            menu = views.visible();
        }
        return menu;
    }
}
